import type core from './locales/en/core.json';

/** Ids of the panel's core messages (the English catalogue is the source of truth). */
export type CoreMessageId = keyof typeof core;

export type MessageValues = Record<string, string | number | Date | undefined>;

/**
 * A message not yet turned into text: non-React code (errors, announcements, outcomes) carries
 * these, and only the edge (a component) renders them in the agent's language.
 */
export interface Message<Id extends string = CoreMessageId> {
  id: Id;
  values?: MessageValues;
}

export const message = <Id extends string = CoreMessageId>(
  id: Id,
  values?: MessageValues,
): Message<Id> => (values ? { id, values } : { id });

/** A failure in words an agent understands: what failed, why, what to do, and a reference. */
export interface Problem {
  /** "Couldn't mute" (absent when the reason says it all). */
  action?: Message;
  reason: Message;
  /** The platform's correlation id, so support can find the request. */
  reference?: string;
}
