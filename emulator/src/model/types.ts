/** The emulator's internal call model; shapes.ts renders it as REST and event bodies. */
export type Purpose = 'customer' | 'acd' | 'agent' | 'user' | 'ivr';
export type CallState =
  'alerting' | 'dialing' | 'contacting' | 'connected' | 'disconnected' | 'terminated';

export interface ParticipantRecord {
  id: string;
  callId: string;
  purpose: Purpose;
  /** Display text on customer, acd and ivr legs; agent and user legs carry none (contract §2.3a). */
  name?: string;
  address: string;
  userId?: string;
  queueId?: string;
  state: CallState;
  initialState: CallState;
  direction: 'inbound' | 'outbound';
  startTime: number;
  connectedTime?: number;
  endTime?: number;
  startHoldTime?: number;
  held: boolean;
  muted: boolean;
  confined: boolean;
  recording: boolean;
  disconnectType?: string;
  attributes: Record<string, string>;
  ani: string;
  dnis: string;
  monitoredParticipantId?: string;
  coachedParticipantId?: string;
  bargedParticipantId?: string;
  /** The customer leg's call id, as `peer` on ivr, acd and agent legs. */
  peer?: string;
  wrapupRequired?: boolean;
  wrapupPrompt?: 'mandatory' | 'optional' | 'agentRequested' | 'timeout' | 'forcedTimeout';
  wrapupTimeoutMs?: number;
  alertingTimeoutMs?: number;
}

export interface ConversationRecord {
  id: string;
  queueId?: string;
  startTime: number;
  participants: ParticipantRecord[];
  recordingState: 'none' | 'active' | 'paused';
  digits: string[];
}

export const isActiveState = (state: CallState) =>
  state !== 'disconnected' && state !== 'terminated';

export function isEnded(conversation: ConversationRecord): boolean {
  return conversation.participants
    .filter((p) => p.purpose === 'customer' || p.purpose === 'agent' || p.purpose === 'user')
    .every((p) => !isActiveState(p.state));
}
