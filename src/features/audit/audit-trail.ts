import type { IntentEvent } from '../../calls/intents/intent-registry';
import type { Call } from '../../platform/types';
import type { CallChange } from '../../calls/call-diff';
import type { CallUpdate } from '../../calls/call-sync';
import {
  emptyFigures,
  type AuditActor,
  type AuditEntry,
  type CompletionFigures,
  type PlaybackAction,
} from './audit-entry';
import type { AuditRecorder } from './audit-recorder';

/** Entries kept for the session; older ones are dropped first (a long shift stays flat). */
const AUDIT_LIMIT = 5000;
/** Prompt names remembered for display (a few per playback). */
const LABELS_KEPT = 500;
/** Work held while the recorder's code loads (it only waits if that load is slow or fails). */
const QUEUE_LIMIT = 1000;

export interface AuditTrailDeps {
  calls: {
    onUpdate(listener: (update: CallUpdate) => void): () => void;
    onForget(listener: (id: string) => void): () => void;
  };
  intents: { onEvent(listener: (event: IntentEvent) => void): () => void };
  /** The signed-in user (undefined before sign-in). */
  userId(): string | undefined;
  limit?: number;
  now?: () => number;
  /** Loads the recorder's code (default: its own chunk, right away). */
  loadRecorder?: () => Promise<RecorderModule>;
}

export interface AuditTrail {
  /** Entries oldest first; the same array until something is added. */
  entries(): readonly AuditEntry[];
  figures(): CompletionFigures;
  /** Called after every change; returns the function that stops listening. */
  subscribe(listener: () => void): () => void;
  /** An action of the playback panel (start asked for, refused). */
  record(action: PlaybackAction): void;
  /** The readable name the playback panel gave a prompt id. */
  promptLabel(promptId: string): string | undefined;
  /** Resolves once the recorder's code has loaded and everything held meanwhile is recorded. */
  ready(): Promise<void>;
  dispose(): void;
}

type Work = (recorder: AuditRecorder) => void;

/** The recorder's module, as its own chunk exports it. */
export interface RecorderModule {
  AuditRecorder: typeof AuditRecorder;
}

const key = (cid: string, pid: string, field: string) => `${cid}\u0000${pid}\u0000${field}`;
const verdictKey = (cid: string, pid: string, field: string, value: unknown) =>
  `${key(cid, pid, field)}\u0000${String(value)}`;

/**
 * The session's audit trail, listening from the moment the widget is wired (before sign-in,
 * whether or not its panel is ever opened): call changes from the call sync, whether a request
 * of this panel explains each (the intent registry's confirmed changes, read in the same tick),
 * failed requests, and the playback panel's actions. This shell is all the panel's start pays
 * for; the recorder that turns them into entries loads right after, and what arrives meanwhile
 * is held and recorded in order.
 *
 * @example
 * const trail = createAuditTrail({ calls, intents, userId: () => session.getState().user?.id });
 * trail.subscribe(() => render(trail.entries()));
 */
export function createAuditTrail(deps: AuditTrailDeps): AuditTrail {
  const limit = deps.limit ?? AUDIT_LIMIT;
  const now = deps.now ?? (() => Date.now());
  let entries: AuditEntry[] = [];
  let seq = 0;
  let recorder: AuditRecorder | undefined;
  const held: Work[] = [];
  const listeners = new Set<() => void>();
  const labels = new Map<string, string>();
  const notify = () => listeners.forEach((l) => l());
  const run = (work: Work) => {
    if (recorder) return work(recorder);
    held.push(work);
    if (held.length > QUEUE_LIMIT) held.shift();
  };
  const load = deps.loadRecorder ?? (() => import('./audit-recorder'));
  const loaded = load().then(({ AuditRecorder }) => {
    recorder = new AuditRecorder((conversationId, draft) => {
      seq += 1;
      entries = [
        ...entries.slice(Math.max(0, entries.length + 1 - limit)),
        { ...draft, seq, conversationId },
      ];
    });
    for (const work of held.splice(0)) work(recorder);
    notify();
  });

  // Changes the intent registry confirmed in this tick, with whether a request explains them.
  const confirmed = new Map<string, { value: unknown; actor: AuditActor }[]>();
  const pending: CallUpdate[] = [];
  const verdicts = (call: Call, changes: readonly CallChange[]) => {
    const out = new Map<string, AuditActor>();
    for (const c of changes) {
      if (c.kind === 'joined') continue;
      const field = c.kind === 'attribute' ? c.key : c.field;
      const list = confirmed.get(key(call.id, c.participantId, field));
      const index = list?.findIndex((e) => e.value === c.to) ?? -1;
      const actor = (index >= 0 && list?.splice(index, 1)[0]?.actor) || 'outside';
      out.set(verdictKey(call.id, c.participantId, field, c.to), actor);
    }
    return out;
  };
  // The intent registry hears the same snapshot from the call sync; reading after a microtask
  // sees its verdict whatever order the listeners were added in.
  const flush = () => {
    const userId = deps.userId();
    for (const { call, changes } of pending.splice(0)) {
      const ours = verdicts(call, changes);
      run((r) =>
        r.update(
          call,
          changes,
          userId,
          (cid, pid, field, value) => ours.get(verdictKey(cid, pid, field, value)) ?? 'outside',
        ),
      );
    }
    confirmed.clear();
    notify();
  };
  const offUpdates = deps.calls.onUpdate((update) => {
    if (pending.push(update) === 1) queueMicrotask(flush);
  });
  const offEvents = deps.intents.onEvent((event) => {
    if (event.type === 'change') {
      const k = key(event.conversationId, event.participantId, event.field);
      const actor: AuditActor = event.ours ? 'you' : event.unsure ? 'unknown' : 'outside';
      confirmed.set(k, [...(confirmed.get(k) ?? []), { value: event.value, actor }]);
      return;
    }
    const { outcome, conversationId } = event;
    const reason =
      outcome.kind === 'failed' ? (outcome.error.code ?? outcome.error.kind) : 'timedOut';
    const at = now();
    run((r) => r.failed(conversationId, outcome.field, outcome.value, reason, at));
    notify();
  });
  const offForget = deps.calls.onForget((id) => run((r) => r.forget(id)));

  return {
    entries: () => entries,
    figures: () => ({ ...(recorder?.figures ?? emptyFigures()) }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record(action) {
      if (action.type === 'requested')
        for (const [id, label] of Object.entries(action.labels ?? {})) {
          labels.delete(id);
          labels.set(id, label);
          if (labels.size > LABELS_KEPT) labels.delete(labels.keys().next().value!);
        }
      run((r) => r.action(action));
      notify();
    },
    promptLabel: (id) => labels.get(id),
    ready: () => loaded,
    dispose() {
      offUpdates();
      offEvents();
      offForget();
      listeners.clear();
      held.length = 0;
    },
  };
}
