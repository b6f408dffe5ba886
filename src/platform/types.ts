/** The widget's own view of the platform; nothing outside src/platform sees SDK models. */
export type ParticipantPurpose =
  'customer' | 'agent' | 'user' | 'acd' | 'ivr' | 'external' | 'other';

export type ParticipantState =
  | 'alerting'
  | 'dialing'
  | 'contacting'
  | 'offering'
  | 'connected'
  | 'disconnected'
  | 'terminated'
  | 'parked'
  | 'other';

export interface Participant {
  id: string;
  /**
   * Display text the platform gave the leg (caller id, place, queue name). Agent and user legs
   * carry none: their names are looked up by `userId`.
   */
  name?: string;
  purpose: ParticipantPurpose;
  state: ParticipantState;
  direction: 'inbound' | 'outbound' | 'unknown';
  muted: boolean;
  held: boolean;
  /**
   * Confined by a consult or a conference (`speakTo`). What a confined party hears is not
   * documented, so the panel says "confined" and nothing more. Absent when not reported.
   */
  confined?: boolean;
  userId?: string;
  queueId?: string;
  /** Only the generic conversation shape carries a queue name; otherwise it is looked up. */
  queueName?: string;
  ani?: string;
  dnis?: string;
  address?: string;
  /** Epoch milliseconds. */
  startTime?: number;
  connectedTime?: number;
  endTime?: number;
  startHoldTime?: number;
  disconnectType?: string;
  recording?: boolean;
  attributes: Record<string, string>;
  monitoredParticipantId?: string;
  coachedParticipantId?: string;
  bargedParticipantId?: string;
  /**
   * The leg this one is being consult-transferred to (set on the transfer's object, usually the
   * customer). It stays after the consult ended, so the target's own state says whether it runs.
   */
  consultParticipantId?: string;
  /**
   * After-call work. A leg in ACW has ended and carries `startAcwTime` without `endAcwTime`.
   * `wrapupRequired` alone says nothing: ended legs without ACW carry it too.
   */
  wrapupRequired?: boolean;
  /** The prompt as sent, lower-cased (`mandatory`, `optional`, `timeout`, `forcedtimeout`…). */
  wrapupPrompt?: string;
  /** Epoch milliseconds. */
  startAcwTime?: number;
  endAcwTime?: number;
  /**
   * Known fields that arrived with a type the widget cannot read. They fell back (to the last
   * known value when there was one) instead of dropping the participant.
   */
  unreadable?: string[];
}

export interface Call {
  id: string;
  participants: Participant[];
  recordingState?: 'none' | 'active' | 'paused';
}

export interface CurrentUser {
  id: string;
  name: string;
  email?: string;
  permissions: string[];
}

export interface DirectoryUser {
  id: string;
  name: string;
}

export interface DirectoryQueue {
  id: string;
  name: string;
}

export interface NotificationChannel {
  id: string;
  connectUri: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface AuthSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface ParticipantChange {
  muted?: boolean;
  held?: boolean;
  state?: 'connected' | 'disconnected';
}
