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
  name: string;
  purpose: ParticipantPurpose;
  state: ParticipantState;
  direction: 'inbound' | 'outbound' | 'unknown';
  muted: boolean;
  held: boolean;
  userId?: string;
  userName?: string;
  queueId?: string;
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
  attributes: Record<string, string>;
  monitoredParticipantId?: string;
  coachedParticipantId?: string;
  bargedParticipantId?: string;
}

export interface Call {
  id: string;
  participants: Participant[];
}

export interface CurrentUser {
  id: string;
  name: string;
  email?: string;
  permissions: string[];
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
