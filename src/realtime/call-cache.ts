import type { QueryClient } from '@tanstack/query-core';
import type { Call, Participant } from '../platform/types';

/** Query keys for call server state; the socket and REST re-reads are the only writers. */
export const callKeys = {
  mine: (userId: string) => ['calls', 'mine', userId] as const,
};

/** How many ended calls stay on screen (for the "call ended" view) before they are dropped. */
export const ENDED_CALLS_KEPT = 3;

const isOver = (p: Participant) => p.state === 'disconnected' || p.state === 'terminated';

/** The signed-in user's own leg of a call (the most recent one if they joined twice). */
export function myParticipant(call: Call, userId: string): Participant | undefined {
  const mine = call.participants.filter(
    (p) => p.userId === userId && (p.purpose === 'agent' || p.purpose === 'user'),
  );
  return mine.find((p) => !isOver(p)) ?? mine.at(-1);
}

/** A call is over for this user when their leg is gone, or every party has hung up. */
export function isCallEnded(call: Call, userId: string): boolean {
  const me = myParticipant(call, userId);
  if (me) return isOver(me);
  return call.participants.filter((p) => p.purpose !== 'acd').every(isOver);
}

function trimEnded(calls: Call[], userId: string): Call[] {
  const ended = calls.filter((c) => isCallEnded(c, userId));
  const drop = new Set(
    ended.slice(0, Math.max(0, ended.length - ENDED_CALLS_KEPT)).map((c) => c.id),
  );
  return calls.filter((c) => !drop.has(c.id));
}

/** A socket event: the body is a whole snapshot, so it replaces the call (last write wins). */
export function applyCallSnapshot(queryClient: QueryClient, userId: string, call: Call): void {
  queryClient.setQueryData<Call[]>(callKeys.mine(userId), (old = []) => {
    const index = old.findIndex((c) => c.id === call.id);
    if (index < 0 && isCallEnded(call, userId)) return old;
    const next = index < 0 ? [...old, call] : old.map((c) => (c.id === call.id ? call : c));
    return trimEnded(next, userId);
  });
}

/**
 * A REST re-read of the user's active calls. Calls the cache thought active but the listing no
 * longer has are fetched once more by id to learn how they ended.
 */
export async function resyncMyCalls(
  queryClient: QueryClient,
  userId: string,
  api: { listCalls(): Promise<Call[]>; getCall(id: string): Promise<Call> },
): Promise<void> {
  const fresh = await api.listCalls();
  const old = queryClient.getQueryData<Call[]>(callKeys.mine(userId)) ?? [];
  const vanished = old.filter((c) => !isCallEnded(c, userId) && !fresh.some((f) => f.id === c.id));
  const resolved = await Promise.all(
    vanished.map((c) => api.getCall(c.id).catch(() => markEndedLocally(c, userId))),
  );
  const keptEnded = old.filter((c) => isCallEnded(c, userId) && !fresh.some((f) => f.id === c.id));
  queryClient.setQueryData<Call[]>(
    callKeys.mine(userId),
    trimEnded([...keptEnded, ...resolved, ...fresh], userId),
  );
}

function markEndedLocally(call: Call, userId: string): Call {
  return {
    ...call,
    participants: call.participants.map((p) =>
      p.userId === userId ? { ...p, state: 'disconnected', held: false } : p,
    ),
  };
}
