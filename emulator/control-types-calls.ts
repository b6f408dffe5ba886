/** Inputs and results of the control plane's call-shape routes (issue 18; control-client.ts). */

/** Where a new leg goes: exactly one of a user (email), a queue (name or id) or an address. */
export interface LegTargetInput {
  userEmail?: string;
  queue?: string;
  /** `tel:+15550100200`, a bare number, or a `sip:` URI. */
  address?: string;
  /** Display text of an external leg (default: the number). */
  name?: string;
}

export type SpeakTo = 'DESTINATION' | 'OBJECT' | 'BOTH' | 'CONFERENCE';

export interface ConsultInput {
  /** The object of the transfer; default the customer's (or external party's) live leg. */
  objectParticipantId?: string;
  /** Who consults; default the agent side's live leg. */
  consultingEmail?: string;
  /** Default `DESTINATION`: the object is held and confined while the agent talks to the destination. */
  speakTo?: SpeakTo;
  destination: LegTargetInput;
}

export interface OutboundCallInput {
  agentEmail: string;
  phoneNumber: string;
  /** Placed on behalf of a queue: agent leg `agent`, remote leg `customer`. */
  callFromQueue?: string;
  wrapup?: 'required' | 'optional';
}

export interface OutboundCall {
  conversationId: string;
  agentParticipantId: string;
  remoteParticipantId: string;
}

/** A ringing leg (user `alerting`, number `contacting`) answers, times out, or is declined. */
export type RingOutcome = 'answer' | 'noAnswer' | 'decline';

export interface WrapupApplied {
  code?: string;
  notes?: string;
  tags?: string[];
}
