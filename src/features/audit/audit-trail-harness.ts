import { QueryClient } from '@tanstack/query-core';
import { IntentRegistry } from '../../calls/intents/intent-registry';
import { PlatformError } from '../../platform/errors';
import type { Call, Participant } from '../../platform/types';
import { CallSync } from '../../calls/call-sync';
import { TopicRegistry } from '../../realtime/topic-registry';
import { participant } from '../../testing/factories';
import { createAuditTrail, type RecorderModule } from './audit-trail';

/** The audit trail's tests: one call with a customer, an ended menu leg and the user's leg. */
export const ME = 'u1';
export const CID = 'c1';

/** The real call sync and intent registry, wired as the composition root does. */
export async function setup(
  options: {
    limit?: number;
    failAttributes?: boolean;
    loadRecorder?: () => Promise<RecorderModule>;
  } = {},
) {
  const sync = new CallSync({
    queryClient: new QueryClient(),
    registry: new TopicRegistry(),
    api: { listCalls: async () => [], getCall: async () => Promise.reject(new Error('no')) },
    now: () => 1000,
  });
  const intents = new IntentRegistry({
    sendFlags: async () => undefined,
    sendAttributes: async () => {
      if (options.failAttributes)
        throw new PlatformError('invalid', 'too long', { status: 400, code: 'invalid.value' });
    },
    reread: async () => undefined,
    get: (cid) => sync.get(cid),
  });
  sync.onUpdate((u) => intents.receive(u));
  const trail = createAuditTrail({
    calls: sync,
    intents,
    userId: () => ME,
    limit: options.limit,
    now: () => 2000,
    loadRecorder: options.loadRecorder,
  });
  let current: Call = {
    id: CID,
    participants: [
      participant({ id: 'cust', purpose: 'customer' }),
      participant({ id: 'menu', purpose: 'ivr', state: 'terminated' }),
      participant({ id: 'agent', userId: ME }),
    ],
  };
  sync.apply(current, { at: 1000, source: 'event' });
  if (!options.loadRecorder) await trail.ready();
  /** A new snapshot from the platform, changing some legs (or adding them). */
  const server = async (legs: Record<string, Partial<Participant>>) => {
    const known = new Set(current.participants.map((p) => p.id));
    current = {
      ...current,
      participants: [
        ...current.participants.map((p) => (legs[p.id] ? { ...p, ...legs[p.id] } : p)),
        ...Object.entries(legs)
          .filter(([id]) => !known.has(id))
          .map(([id, over]) => participant({ id, ...over })),
      ],
    };
    sync.apply(current, { at: 1000, source: 'event' });
    await Promise.resolve();
  };
  const attrs = (values: Record<string, string>) => ({
    cust: { attributes: { ...current.participants[0]!.attributes, ...values } },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const rows = () =>
    trail
      .entries()
      .map(({ kind, actor, subject, from, to, reason, digit }) =>
        Object.fromEntries(
          Object.entries({ kind, actor, subject, from, to, reason, digit }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      );
  return { sync, intents, trail, server, attrs, settle, rows };
}
