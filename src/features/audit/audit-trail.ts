import type { IntentEvent } from '../../lib/intents/intent-registry';
import type { CallUpdate } from '../../realtime/call-sync';
import type { AuditEntry, CompletionFigures, PlaybackAction } from './audit-entry';
import { AuditRecorder } from './audit-recorder';

/** Entries kept for the session; older ones are dropped first (a long shift stays flat). */
export const AUDIT_LIMIT = 5000;
/** Prompt names remembered for display (a few per playback). */
const LABELS_KEPT = 500;

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
  dispose(): void;
}

const key = (cid: string, pid: string, field: string) => `${cid}\u0000${pid}\u0000${field}`;

/**
 * The session's audit trail, recording from the moment the widget is wired (before the panel is
 * ever opened): call changes from the call sync, whether a request of this panel explains them
 * (the intent registry's confirmed changes), failed requests, and the playback panel's actions.
 * Plain TypeScript; the panel reads it with `subscribe` + `entries`.
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
  const listeners = new Set<() => void>();
  const recorder = new AuditRecorder((conversationId, draft) => {
    seq += 1;
    entries = [
      ...entries.slice(Math.max(0, entries.length + 1 - limit)),
      { ...draft, seq, conversationId },
    ];
  });
  // Changes confirmed by the intent registry in this tick, with whether a request explains them.
  const confirmed = new Map<string, { value: boolean | string | undefined; ours: boolean }[]>();
  const pending: CallUpdate[] = [];
  const notify = () => listeners.forEach((l) => l());
  const labels = new Map<string, string>();

  const ours = (cid: string, pid: string, field: string, value: boolean | string | undefined) => {
    const list = confirmed.get(key(cid, pid, field));
    const index = list?.findIndex((c) => c.value === value) ?? -1;
    return index >= 0 && (list?.splice(index, 1)[0]?.ours ?? false);
  };
  // The intent registry hears the same snapshot from the call sync; reading after a microtask
  // sees its verdict whatever order the listeners were added in.
  const flush = () => {
    const seqBefore = seq;
    for (const update of pending.splice(0))
      recorder.update(update.call, update.changes, deps.userId(), ours);
    confirmed.clear();
    if (seq !== seqBefore) notify();
  };
  const offUpdates = deps.calls.onUpdate((update) => {
    if (pending.push(update) === 1) queueMicrotask(flush);
  });
  const offEvents = deps.intents.onEvent((event) => {
    if (event.type === 'change') {
      const k = key(event.conversationId, event.participantId, event.field);
      confirmed.set(k, [...(confirmed.get(k) ?? []), { value: event.value, ours: event.ours }]);
    } else {
      const { outcome } = event;
      const reason =
        outcome.kind === 'failed' ? (outcome.error.code ?? outcome.error.kind) : 'timedOut';
      recorder.failed(event.conversationId, outcome.field, outcome.value, reason, now());
      notify();
    }
  });
  const offForget = deps.calls.onForget((id) => recorder.forget(id));

  return {
    entries: () => entries,
    promptLabel: (id) => labels.get(id),
    figures: () => ({ ...recorder.figures }),
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
      recorder.action(action);
      notify();
    },
    dispose() {
      offUpdates();
      offEvents();
      offForget();
      listeners.clear();
    },
  };
}
