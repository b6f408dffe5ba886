import type { CallSync } from '../call-sync';

/**
 * Which watched queue lists hold each call. The lists themselves live with the call sync
 * (`callKeys.queue(qid)` in the query cache, each one holding its calls alive); this keeps the
 * reverse index the watch asks most: is the call listed, and in which queue first.
 *
 * @example
 * const lists = new QueueLists(calls);
 * lists.set('q1', ['c1']);
 * lists.firstQueueOf('c1'); // 'q1'
 */
export class QueueLists {
  private readonly listedIn = new Map<string, Set<string>>();

  constructor(private readonly calls: Pick<CallSync, 'queueIds' | 'setQueueIds'>) {}

  /** The queue's list, in order. */
  list(qid: string): string[] {
    return this.calls.queueIds(qid);
  }

  /** Every listed call id, each once. */
  ids(): string[] {
    return [...this.listedIn.keys()];
  }

  has(id: string): boolean {
    return this.listedIn.has(id);
  }

  /** The first watched queue whose list holds the call. */
  firstQueueOf(id: string): string | undefined {
    return this.listedIn.get(id)?.values().next().value;
  }

  /** The queues whose lists hold the call. */
  queuesOf(id: string): string[] {
    return [...(this.listedIn.get(id) ?? [])];
  }

  /** The queue's list becomes exactly `ids` (`undefined`: the list goes). */
  set(qid: string, ids: readonly string[] | undefined): void {
    for (const id of this.list(qid)) {
      const lists = this.listedIn.get(id);
      lists?.delete(qid);
      if (lists?.size === 0) this.listedIn.delete(id);
    }
    for (const id of ids ?? []) {
      const lists = this.listedIn.get(id) ?? new Set<string>();
      lists.add(qid);
      this.listedIn.set(id, lists);
    }
    this.calls.setQueueIds(qid, ids);
  }

  /** Adds the call at the end of the queue's list (if it is not there yet). */
  add(qid: string, id: string): void {
    const list = this.list(qid);
    if (!list.includes(id)) this.set(qid, [...list, id]);
  }

  /** Takes the call out of one queue's list. */
  remove(qid: string, id: string): void {
    this.set(
      qid,
      this.list(qid).filter((x) => x !== id),
    );
  }

  /** Takes the call out of every list. */
  removeEverywhere(id: string): void {
    for (const qid of this.queuesOf(id)) this.remove(qid, id);
  }

  /** The queue's list goes; returns its ids and the ids no other list holds. */
  clear(qid: string): { ids: string[]; unlisted: string[] } {
    const ids = this.list(qid);
    this.set(qid, undefined);
    return { ids, unlisted: ids.filter((id) => !this.listedIn.has(id)) };
  }
}
