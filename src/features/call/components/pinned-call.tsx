import type { CoreMessageId } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useRetainedCall } from '../../../calls/use-call';
import { useCallLookup, type LookupVerdict } from '../../../calls/use-call-lookup';
import type { AgentPanelProps } from './agent-panel';
import { CallCard } from './call-card';

const VERDICT: Record<Exclude<LookupVerdict, 'mine'>, CoreMessageId> = {
  ended: 'pinned.ended',
  notYours: 'pinned.notYours',
  notFound: 'pinned.notFound',
};

/**
 * Interaction-widget mode: this instance is for one conversation. It shows that call, or says
 * why it cannot; it never shows (or controls) a different call.
 */
export function PinnedCall({
  userId,
  pinnedId,
  known,
  renderControls,
  renderExtras,
  renderPartyControls,
}: AgentPanelProps & { pinnedId: string; known: boolean }) {
  const t = useT();
  const lookup = useCallLookup(pinnedId, userId, known);
  const call = useRetainedCall(pinnedId);
  const verdict = lookup.data;
  if (verdict && verdict !== 'mine' && verdict !== 'ended')
    return (
      <p className="notice" role="alert" data-testid="pinned-verdict">
        {t(VERDICT[verdict])}
      </p>
    );
  if (call)
    return (
      <>
        {verdict === 'ended' ? <p className="notice">{t(VERDICT.ended)}</p> : null}
        <CallCard
          call={call}
          userId={userId}
          controls={renderControls?.(call)}
          renderPartyControls={renderPartyControls}
        >
          {renderExtras?.(call)}
        </CallCard>
      </>
    );
  if (lookup.isError)
    return (
      <div className="notice" role="alert">
        <p>{t('pinned.failed')}</p>
        <button type="button" className="button" onClick={() => void lookup.refetch()}>
          {t('action.tryAgain')}
        </button>
      </div>
    );
  return <p className="muted">{t('pinned.loading')}</p>;
}
