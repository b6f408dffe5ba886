import type { IntentOutcome } from '../../calls/intents/intent-registry';
import type { IntentView } from '../../calls/intents/intent-registry';

/** One save: the keys the agent (or the CRM write-back) asked for together, in one PATCH. */
export interface SaveRecord {
  id: number;
  source: 'agent' | 'crm';
  values: Readonly<Record<string, string>>;
  /** When the sign-in it was sent with ends (a refused sign-in is about that one only). */
  signIn?: number;
}

export type KeyResult =
  | { key: string; state: 'pending' }
  | { key: string; state: 'saved' }
  | { key: string; state: 'failed'; outcome: IntentOutcome<string> }
  /** Settled on another value: someone else's, or a later request of this panel. */
  | { key: string; state: 'replaced'; now: string | undefined };

export interface SaveSummary {
  done: boolean;
  saved: string[];
  failed: Extract<KeyResult, { state: 'failed' }>[];
  replaced: Extract<KeyResult, { state: 'replaced' }>[];
}

/**
 * Where each key of a save stands, from the intent registry's views: pending until a snapshot
 * carries the value (the PATCH response is not the truth), then saved, failed (with why) or
 * replaced by another value.
 */
function keyResult(key: string, value: string, view: IntentView<string>): KeyResult {
  if (view.pending)
    return view.shown === value
      ? { key, state: 'pending' }
      : { key, state: 'replaced', now: view.shown };
  if (view.confirmed === value) return { key, state: 'saved' };
  if (view.outcome && view.outcome.value === value)
    return { key, state: 'failed', outcome: view.outcome };
  return { key, state: 'replaced', now: view.confirmed };
}

export function summarizeSave(
  save: SaveRecord,
  viewOf: (key: string) => IntentView<string>,
): SaveSummary {
  const results = Object.entries(save.values).map(([key, value]) =>
    keyResult(key, value, viewOf(key)),
  );
  return {
    done: results.every((r) => r.state !== 'pending'),
    saved: results.filter((r) => r.state === 'saved').map((r) => r.key),
    failed: results.filter(
      (r): r is Extract<KeyResult, { state: 'failed' }> => r.state === 'failed',
    ),
    replaced: results.filter(
      (r): r is Extract<KeyResult, { state: 'replaced' }> => r.state === 'replaced',
    ),
  };
}
