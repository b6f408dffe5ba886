/** The emulator's internal call model; shapes.ts renders it as REST and event bodies. */
export type Purpose = 'customer' | 'acd' | 'agent' | 'user' | 'ivr' | 'external';
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
  /** On the object of a consult transfer: the destination leg being consulted (transfers.ts). */
  consultParticipantId?: string;
  /** After-call work (wrapup.ts): from the leg's end until wrap-up is applied. */
  startAcwTime?: number;
  endAcwTime?: number;
  wrapup?: {
    code?: string;
    notes?: string;
    tags?: string[];
    durationSeconds?: number;
    endTime?: number;
  };
  /** As real ended legs carry it (contract §2.3a), e.g. an outbound call nobody answered. */
  errorInfo?: { code: string; message: string };
}

export interface ConversationRecord {
  id: string;
  queueId?: string;
  startTime: number;
  participants: ParticipantRecord[];
  recordingState: 'none' | 'active' | 'paused';
  digits: string[];
  /** A consult transfer in progress (transfers.ts): object, consulting and destination legs. */
  consult?: ConsultRecord;
  /** Opt-in after-call work for the agent legs of this call (wrapup.ts); none by default. */
  wrapup?: 'required' | 'optional';
}

export type SpeakTo = 'DESTINATION' | 'OBJECT' | 'BOTH' | 'CONFERENCE';

export interface ConsultRecord {
  objectId: string;
  consultingId: string;
  destinationId: string;
  speakTo: SpeakTo;
}

export const isActiveState = (state: CallState) =>
  state !== 'disconnected' && state !== 'terminated';

/** The parties of a call (not flows or queues): customer, external numbers, agents, users. */
export const isPartyPurpose = (purpose: Purpose) =>
  purpose === 'customer' || purpose === 'external' || purpose === 'agent' || purpose === 'user';

export function isEnded(conversation: ConversationRecord): boolean {
  return conversation.participants
    .filter((p) => isPartyPurpose(p.purpose))
    .every((p) => !isActiveState(p.state));
}
