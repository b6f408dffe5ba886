/**
 * How fresh each watched call is: events counted in order, the event count at which a snapshot
 * asked for a call's read, when the call was last received, and whether its read was refused for
 * good. From these the watch decides whether a read is still needed (an event since the snapshot
 * is a whole, fresher snapshot) and whether a row shows the call "as of" a time.
 *
 * @example
 * const ledger = new ReadLedger();
 * ledger.schedule(['c1'], ledger.position());
 * ledger.received('c1', Date.now());
 * ledger.event('c1');
 * ledger.eventSinceScheduled('c1'); // true: no read needed
 */
export class ReadLedger {
  private seq = 0;
  private readonly lastEvent = new Map<string, number>();
  private readonly scheduled = new Map<string, number>();
  private readonly seenAt = new Map<string, number>();
  private readonly refused = new Set<string>();

  /** Where the event order stands now: a read sent now is older than any later event. */
  position(): number {
    return this.seq;
  }

  /** An event for the call arrived. */
  event(id: string): void {
    this.seq += 1;
    this.lastEvent.set(id, this.seq);
  }

  /** The call's whole state was received (event or read) at `at` (epoch ms). */
  received(id: string, at: number): void {
    this.seenAt.set(id, at);
  }

  /** A snapshot taken at `position` owes these calls a read (a refusal is tried again). */
  schedule(ids: Iterable<string>, position: number): void {
    for (const id of ids) {
      this.scheduled.set(id, position);
      this.refused.delete(id);
    }
  }

  /** The call's read landed: it owes nothing. */
  read(id: string): void {
    this.scheduled.delete(id);
  }

  /** Whether an event for the call came after `position`. */
  eventSince(id: string, position: number): boolean {
    return (this.lastEvent.get(id) ?? 0) > position;
  }

  /** Whether an event since its snapshot asked for the read has given the call already. */
  eventSinceScheduled(id: string): boolean {
    return this.eventSince(id, this.scheduled.get(id) ?? 0);
  }

  /**
   * While the call owes its read and no event has given it since: when it was last received.
   * Undefined when it is current, or nothing of it has been received yet.
   */
  asOf(id: string): number | undefined {
    if (!this.scheduled.has(id) || this.eventSinceScheduled(id)) return undefined;
    return this.seenAt.get(id);
  }

  /** Its read was refused for good. */
  refuse(id: string): void {
    this.refused.add(id);
  }

  /** It is current again (an event or a read): no longer refused. Returns whether it was. */
  clearRefusal(id: string): boolean {
    return this.refused.delete(id);
  }

  isRefused(id: string): boolean {
    return this.refused.has(id);
  }

  refusedIds(): ReadonlySet<string> {
    return this.refused;
  }

  forget(id: string): void {
    this.lastEvent.delete(id);
    this.scheduled.delete(id);
    this.seenAt.delete(id);
    this.refused.delete(id);
  }
}
