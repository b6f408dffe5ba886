import { useMemo, useSyncExternalStore } from 'react';
import { message, type Problem } from '../../i18n/message';
import { explainError } from '../../errors/explain-error';
import { useAttributeIntents } from '../../calls/use-intents';
import { useServices } from '../../services/widget-services';
import type { UiStore } from '../../stores/ui-store';
import { keyList, shared, withAction } from './messages';
import type { SaveSummary } from './save-summary';
import { SaveTracker, type TrackedSave } from './save-tracker';

export type { TrackedSave };

/**
 * Why the keys of a finished save were not saved: the first failure's reason, or a time-out. A
 * refused sign-in stops saying "sign in again" once the agent has (`signedInAgain`).
 */
export function failureProblem(summary: SaveSummary, signedInAgain = false): Problem | undefined {
  const first = summary.failed[0];
  if (!first) return undefined;
  const keys = keyList(summary.failed.map((f) => f.key));
  const { outcome } = first;
  const base: Problem =
    outcome.kind === 'timedOut'
      ? { reason: message('error.timedOut') }
      : signedInAgain && outcome.error.kind === 'unauthorized'
        ? { reason: shared('callData.save.signedInAgain'), reference: outcome.error.correlationId }
        : explainError(outcome.error);
  return withAction(base, 'callData.save.action', { keys });
}

/** What the agent hears when a save has settled: the failure, what was replaced, or the keys saved. */
function announceSave(ui: UiStore, { record, summary }: TrackedSave): void {
  const problem = failureProblem(summary);
  if (problem) return ui.getState().announce(problem);
  if (summary.replaced.length > 0)
    return ui
      .getState()
      .announce(
        shared('callData.save.replaced', { keys: keyList(summary.replaced.map((r) => r.key)) }),
      );
  ui.getState().announce(
    shared(record.source === 'crm' ? 'callData.save.crmSaved' : 'callData.save.saved', {
      count: summary.saved.length,
      keys: keyList(summary.saved),
    }),
  );
}

/** The saves on one participant, as React state (see SaveTracker). */
export function useSaves(conversationId: string, participantId: string) {
  const { ui, session } = useServices();
  const intents = useAttributeIntents();
  const tracker = useMemo(
    () => new SaveTracker(intents, conversationId, participantId, (save) => announceSave(ui, save)),
    [intents, ui, conversationId, participantId],
  );
  const saves = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot);
  return {
    saves,
    save: (values: Record<string, string>, source: 'agent' | 'crm') =>
      tracker.save(values, source, session.getState().expiresAt),
    dismiss: (id: number) => tracker.dismiss(id),
  };
}
