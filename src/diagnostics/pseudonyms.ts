/** What an id stands for; the pseudonym's prefix (`conversation-1`, `user-2`). */
export type IdKind =
  | 'conversation'
  | 'participant'
  | 'user'
  | 'queue'
  | 'call'
  | 'channel'
  | 'prompt'
  | 'flow'
  | 'session'
  | 'wrapup'
  | 'id';

/**
 * Stable stand-ins for one widget's ids, names, numbers and attribute keys: the same value gets
 * the same pseudonym in every trace of the session, and a pseudonym says nothing about the value
 * (a counter per kind, never a hash).
 *
 * @example
 * const p = new Pseudonyms();
 * p.id('6f1c…', 'conversation'); // 'conversation-1'
 * p.number('tel:+15550100200'); // 'tel:number-1'
 */
export class Pseudonyms {
  private readonly values = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  /** An id's pseudonym; the kind of its first sighting names it. */
  id(value: string, kind: IdKind): string {
    return this.stand('id\u0000' + value, kind);
  }

  name(value: string): string {
    return this.stand('name\u0000' + value, 'name');
  }

  /** A phone number or address; keeps its scheme (`tel:`, `sip:`), which the platform varies. */
  number(value: string): string {
    const scheme = /^(tel|sip|sips|mailto):/i.exec(value)?.[0]?.toLowerCase() ?? '';
    return scheme + this.stand('number\u0000' + value, 'number');
  }

  key(value: string): string {
    return this.stand('key\u0000' + value, 'key');
  }

  /** Whether `value` was given an id pseudonym. */
  knows(value: string): boolean {
    return this.values.has('id\u0000' + value);
  }

  private stand(key: string, prefix: string): string {
    const known = this.values.get(key);
    if (known) return known;
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const made = `${prefix}-${n}`;
    this.values.set(key, made);
    return made;
  }
}
