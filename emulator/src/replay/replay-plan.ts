/**
 * A checked trace turned into what the replay does, in order, before anything is played: each
 * frame's body and topic with the emulator's ids, the call record each calls-topic frame leaves
 * behind, and the recorded REST failures as one-shot faults on the same requests.
 */
import type { FailNext } from '../faults.js';
import type { IdSource } from '../ids.js';
import type { ConversationRecord } from '../model/types.js';
import type { SeedUser } from '../seed.js';
import { ReplayIds } from './replay-ids.js';
import { isCallsTopic } from './trace-check.js';
import type { RestEntry, Trace } from './trace-schema.js';
import { mapBody, mapTopic, recordFromSnapshot } from './snapshot-record.js';

export type ReplayStep =
  | {
      /** Milliseconds after the replay starts, at the trace's own pace. */
      at: number;
      kind: 'frame';
      entry: number;
      topic: string;
      body: unknown;
      correlationId: string;
      /** The call as this frame leaves it (calls topics only). */
      record?: ConversationRecord;
    }
  | { at: number; kind: 'fail'; entry: number; failure: FailNext };

export interface ReplayPlan {
  steps: ReplayStep[];
  /** The trace's pseudonyms and the emulator's ids for them. */
  ids: Record<string, string>;
  /** Entries not replayed, with why (REST outcomes that cannot be reproduced). */
  skipped: { entry: number; reason: string }[];
  /** Link, sign-in and intent entries: the widget's own, told for reading, never replayed. */
  informational: number;
  /** From the first to the last entry, ms. */
  spanMs: number;
}

export interface PlanOptions {
  agent: SeedUser;
  ids: IdSource;
  /** The emulator's time now. */
  now: number;
  /** Played as fast as possible: the trace's times end at `now`. Else at `speed` from `now`. */
  instant: boolean;
  speed: number;
}

/** The user whose widget recorded the trace: its `user`, else the first `v2.users.{id}` topic. */
function tracedUser(trace: Trace): string | undefined {
  if (trace.user) return trace.user;
  for (const entry of trace.entries)
    if (entry.type === 'frame') {
      const user = /^v2\.users\.([^.]+)\./i.exec(entry.topic)?.[1];
      if (user) return user;
    }
  return undefined;
}

/** Where the replay is: the trace's id map, its time shift, and when each entry plays. */
interface Timing {
  ids: ReplayIds;
  shiftMs: number;
  at(t: number): number;
}

/**
 * Plans a replay. Times move so that the call's clocks read as they did: played at the trace's
 * pace they start now; played instantly, the last entry's moment is now.
 *
 * @example
 * const plan = planReplay(checkTrace(body), { agent, ids: ctx.ids, now: ctx.clock.now(), instant: true, speed: 1 });
 */
export function planReplay(trace: Trace, options: PlanOptions): ReplayPlan {
  const first = trace.entries[0]?.t ?? 0;
  const last = trace.entries.at(-1)?.t ?? first;
  const spanMs = last - first;
  const played = options.instant ? 0 : spanMs / options.speed;
  const timing: Timing = {
    ids: new ReplayIds(options.ids, options.agent, tracedUser(trace)),
    shiftMs: options.now + played - (Date.parse(trace.startedAt) + last),
    at: (t) => (options.instant ? 0 : (t - first) / options.speed),
  };
  // Frames first, so that every id a REST path names is known when the failures are planned.
  const steps = planFrames(trace, timing, options);
  const { failures, skipped, informational } = planRest(trace, timing);
  steps.push(...failures);
  steps.sort((a, b) => a.at - b.at || a.entry - b.entry);
  return { steps, ids: timing.ids.all(), skipped, informational, spanMs };
}

/** Each frame with the emulator's ids and times, and the call record a calls frame leaves. */
function planFrames(trace: Trace, timing: Timing, options: PlanOptions): ReplayStep[] {
  const records = new Map<string, ConversationRecord>();
  const steps: ReplayStep[] = [];
  trace.entries.forEach((entry, i) => {
    if (entry.type !== 'frame') return;
    const body = mapBody(entry.body, timing.ids, timing.shiftMs);
    let record: ConversationRecord | undefined;
    if (isCallsTopic(entry.topic)) {
      const snapshot = body as Parameters<typeof recordFromSnapshot>[0];
      record = recordFromSnapshot(snapshot, records.get(snapshot.id), options.now, () =>
        options.ids.uuid(),
      );
      records.set(record.id, record);
    }
    steps.push({
      at: timing.at(entry.t),
      kind: 'frame',
      entry: i,
      topic: mapTopic(entry.topic, timing.ids),
      body,
      correlationId: entry.correlationId ?? options.ids.uuid(),
      record,
    });
  });
  return steps;
}

/** Recorded API failures as faults; what cannot be replayed, and what is only to be read. */
function planRest(trace: Trace, timing: Timing) {
  const failures: ReplayStep[] = [];
  const skipped: ReplayPlan['skipped'] = [];
  let informational = 0;
  trace.entries.forEach((entry, i) => {
    if (entry.type === 'frame') return;
    if (entry.type !== 'rest') informational += 1;
    else if (entry.status === 0)
      skipped.push({ entry: i, reason: 'no response was recorded (network error or timeout)' });
    else if (entry.status < 400) return;
    else if (!entry.path.startsWith('/api/v2/'))
      skipped.push({ entry: i, reason: `${entry.path} is not a Platform API request` });
    else
      failures.push({
        at: timing.at(entry.t),
        kind: 'fail',
        entry: i,
        failure: failureOf(entry, timing.ids),
      });
  });
  return { failures, skipped, informational };
}

/** The recorded failure as a one-shot fault on the same request (unknown ids match any). */
function failureOf(entry: RestEntry, ids: ReplayIds): FailNext {
  const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const pseudonym = entry.params?.[name];
    return (pseudonym && ids.known(pseudonym)) ?? '*';
  });
  return {
    method: entry.method,
    path,
    status: entry.status,
    code: entry.code,
    retryAfterSeconds: entry.status === 429 ? entry.retryAfterSeconds : undefined,
  };
}
