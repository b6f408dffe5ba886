/**
 * Types of the control plane's supervisor-side calls (`EmulatorControl.phone`, `.answerPhone`,
 * `.leavePhoneUnanswered`, `.createInteraction`, `.updateInteraction`), kept out of
 * control-client.ts to keep that file short.
 */

/** `POST /__emulator/phones/{email}`: a user's phone until reset (defaults in the comments). */
export interface PhoneSettings {
  /** `true`; without a station monitor / coach / barge answer 400 `conversation.error.no.user.station`. */
  station?: boolean;
  /** `auto` answers after `autoAnswerMs`; `manual` rings until answered, missed or timed out. */
  answer?: 'auto' | 'manual';
  /** 1000 (0..60000), on the emulator's clock. */
  autoAnswerMs?: number;
  /** 30000 (1000..600000): a manual phone's unanswered leg then ends `system`. */
  alertTimeoutMs?: number;
}

/** Media types of the non-voice interactions the control plane can put in a queue. */
export type InteractionMediaType = 'chat' | 'message' | 'email' | 'callback';

/** `POST /__emulator/interactions`. */
export interface CreateInteractionInput {
  mediaType: InteractionMediaType;
  /** Queue name or id. */
  queue: string;
  /** The customer's name (the `customer` participant's `name`). */
  customerName?: string;
  /** The customer's address: an email address, a chat/messaging id, or a `tel:` number. */
  address?: string;
  /** `waiting` (default), `alerting` or `interacting` (both need `agentEmail`). */
  state?: 'waiting' | 'alerting' | 'interacting';
  agentEmail?: string;
}

/** `POST /__emulator/interactions/{cid}`: the interaction moves on. */
export interface UpdateInteractionInput {
  state: 'alerting' | 'interacting' | 'ended';
  agentEmail?: string;
}

export interface CreatedInteraction {
  conversationId: string;
  mediaType: InteractionMediaType;
  queueId: string;
  state: 'waiting' | 'alerting' | 'interacting' | 'ended';
  participants: { id: string; purpose: string; state: string; userId?: string }[];
}
