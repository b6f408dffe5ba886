import { ProblemText } from '../../../components/ui/problem-text';
import { signInRefusalOutlived } from '../../../errors/sign-in-refusal';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../services/widget-services';
import { keyList, type CallDataMessageId } from '../messages';
import { failureProblem, type TrackedSave } from '../use-saves';

/**
 * Where each save stands: "Saving…" until Genesys Cloud's notification carries every value, then
 * exactly what was saved, what was not and why, and what someone else changed meanwhile.
 */
export function SaveStatus({
  saves,
  onDismiss,
}: {
  saves: readonly TrackedSave[];
  onDismiss(id: number): void;
}) {
  const t = useT<CallDataMessageId>();
  const signIn = useSession((s) => (s.status === 'signedIn' ? s.expiresAt : undefined));
  if (saves.length === 0) return null;
  return (
    <div className="call-data-saves">
      {saves.map(({ record, summary }) => {
        const keys = Object.keys(record.values);
        if (!summary.done)
          return (
            <p key={record.id} className="call-data-save" data-save-state="pending">
              {t('callData.save.pending', { count: keys.length, keys: keyList(keys) })}
            </p>
          );
        const problem = failureProblem(summary, signInRefusalOutlived(record.signIn, signIn));
        const failed = problem !== undefined || summary.replaced.length > 0;
        return (
          <div
            key={record.id}
            className={failed ? 'inline-alert call-data-save' : 'notice call-data-save is-saved'}
            data-save-state={failed ? 'failed' : 'saved'}
          >
            {summary.saved.length > 0 ? (
              <p>
                {t(record.source === 'crm' ? 'callData.save.crmSaved' : 'callData.save.saved', {
                  count: summary.saved.length,
                  keys: keyList(summary.saved),
                })}
              </p>
            ) : (
              <p>{t('callData.save.nothingSaved')}</p>
            )}
            {problem ? (
              <p>
                <ProblemText problem={problem} />
              </p>
            ) : null}
            {summary.replaced.length > 0 ? (
              <p>
                {t('callData.save.replaced', {
                  keys: keyList(summary.replaced.map((r) => r.key)),
                })}
              </p>
            ) : null}
            <button
              type="button"
              className="button button-ghost"
              onClick={() => onDismiss(record.id)}
            >
              {t('callData.save.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
