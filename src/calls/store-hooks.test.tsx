import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, useCallback, useMemo } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../platform/types';
import { TopicRegistry } from '../realtime/topic-registry';
import { ServicesProvider, type WidgetServices } from '../services/widget-services';
import { callFor } from '../testing/factories';
import { useNow } from '../time/use-now';
import { CallSync } from './call-sync';
import type { IntentRegistry, IntentView } from './intents/intent-registry';
import { useCall, useCallIds, useCalls } from './use-call';
import {
  useAttribute,
  useAttributeViews,
  useFlag,
  useParticipantView,
  type ParticipantView,
} from './use-intents';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const UNCACHED = /getSnapshot should be cached/;
const ME = 'u1';
const KEYS = ['crm.id', 'note'] as const;

/**
 * The store side of the intent registry as the hooks read it: views kept per field, so reading
 * twice without a change gives the same object (the registry's own contract).
 */
function fakeIntents(calls: CallSync) {
  const views = new Map<string, IntentView<boolean | string>>();
  const listeners = new Set<() => void>();
  const view = (cid: string, pid: string, field: string, attribute: boolean) => {
    const key = `${cid}/${pid}/${field}`;
    const p = calls.get(cid)?.participants.find((x) => x.id === pid);
    const shown = attribute ? p?.attributes[field] : field === 'muted' ? p?.muted : p?.held;
    const previous = views.get(key);
    if (previous && (previous.pending || previous.shown === shown)) return previous;
    const next = { shown, confirmed: shown, pending: false };
    views.set(key, next);
    return next;
  };
  const intents: Pick<IntentRegistry, 'flag' | 'attribute' | 'subscribe'> = {
    flag: (cid, pid, field) => view(cid, pid, field, false) as IntentView<boolean>,
    attribute: (cid, pid, name) => view(cid, pid, name, true) as IntentView<string>,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  /** The agent asked for this value; the server has not confirmed it yet. */
  const pend = (cid: string, pid: string, field: string, value: boolean) => {
    const confirmed = view(cid, pid, field, false).shown;
    views.set(`${cid}/${pid}/${field}`, { shown: value, confirmed, pending: true });
    listeners.forEach((l) => l());
  };
  return { intents, pend, notify: () => listeners.forEach((l) => l()) };
}

function Hooks({ call }: { call: Call }) {
  const agent = call.participants[1]!;
  useCall(call.id);
  const ids = useCallIds(ME, { watch: false });
  useCalls(
    ids ?? [],
    useCallback((calls: readonly (Call | undefined)[]) => calls.filter(Boolean).length, []),
  );
  useFlag(call.id, agent.id, 'muted');
  useAttribute(call.id, agent.id, 'note');
  useAttributeViews(
    call.id,
    agent.id,
    useMemo(() => [...KEYS], []),
  );
  useParticipantView(call.id, agent);
  return null;
}

/** The on-screen clock, ticking and not (outside a widget it keeps a clock of its own). */
function Clocks() {
  useNow(true);
  useNow(false);
  return null;
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('store hooks', () => {
  it('return a cached snapshot: React never warns that getSnapshot is not cached', () => {
    // A clock that moves on every read: a snapshot built from it would differ each call.
    let clock = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const queryClient = new QueryClient();
    const calls = new CallSync({
      queryClient,
      registry: new TopicRegistry(),
      api: { listCalls: async () => [], getCall: async (id) => callFor(ME, id) },
    });
    const call = calls.apply(callFor(ME, 'c1'), { at: 0, source: 'reread' });
    const { intents, notify } = fakeIntents(calls);
    // Only the parts these hooks read; the rest of a widget's services is not needed here.
    const services = { calls, intents } as unknown as WidgetServices;
    act(() =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <Clocks />
          <ServicesProvider services={services}>
            <Hooks call={call} />
          </ServicesProvider>
        </QueryClientProvider>,
      ),
    );
    act(() => notify());
    const warnings = errors.mock.calls.filter((args) => UNCACHED.test(String(args[0])));
    expect(warnings).toEqual([]);
  });
});

describe('useParticipantView', () => {
  it('overlays the pending mute on the server’s state, marked pending, for list and toggle alike', () => {
    const queryClient = new QueryClient();
    const calls = new CallSync({
      queryClient,
      registry: new TopicRegistry(),
      api: { listCalls: async () => [], getCall: async (id) => callFor(ME, id) },
    });
    const call = calls.apply(callFor(ME, 'c1', { muted: false }), { at: 0, source: 'reread' });
    const agent = call.participants[1]!;
    const { intents, pend } = fakeIntents(calls);
    const services = { calls, intents } as unknown as WidgetServices;
    const seen: ParticipantView[] = [];
    function Probe() {
      seen.push(useParticipantView(call.id, agent));
      return null;
    }
    act(() =>
      root.render(
        <ServicesProvider services={services}>
          <Probe />
        </ServicesProvider>,
      ),
    );
    const before = seen.at(-1)!;
    expect(before.participant.muted).toBe(false);
    expect(before.pending.muted).toBe(false);
    act(() => pend(call.id, agent.id, 'muted', true));
    const after = seen.at(-1)!;
    expect(after.participant.muted).toBe(true);
    expect(after.pending.muted).toBe(true);
    expect(after.flags.muted.shown).toBe(after.participant.muted);
    expect(after.flags.muted.confirmed).toBe(false);
    expect(calls.get(call.id)?.participants[1]?.muted).toBe(false);
  });
});
