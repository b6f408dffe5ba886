import type { CoreMessageId } from '../../i18n/message';
import { useT } from '../../i18n/use-t';
import { useNow } from '../../time/use-now';
import { useConnection, useSession } from '../../services/widget-services';

type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/**
 * The link to Genesys Cloud, always visible and compact: a dot and one word; the full text
 * (attempt, next try, stale since) in its accessible name and tooltip.
 */
export function HealthPill() {
  const t = useT();
  const status = useConnection((s) => s.status);
  const attempt = useConnection((s) => s.attempt);
  const nextRetryAt = useConnection((s) => s.nextRetryAt);
  const staleSince = useConnection((s) => s.staleSince);
  const session = useSession((s) => s.status);
  const now = useNow(status === 'reconnecting');

  let tone: Tone = 'neutral';
  let word: CoreMessageId = 'health.connecting';
  let detail = '';
  if (session === 'expired') {
    tone = 'bad';
    word = 'health.signInNeeded';
  } else if (session === 'renewing') {
    tone = 'warn';
    word = 'health.renewing';
  } else if (status === 'live') {
    tone = 'ok';
    word = 'health.live';
  } else if (status === 'reconnecting') {
    tone = 'warn';
    word = 'health.reconnecting';
    const wait = nextRetryAt ? Math.max(0, Math.ceil((nextRetryAt - now) / 1000)) : 0;
    detail = t('health.attempt', { attempt, wait });
  } else if (status === 'signInNeeded') {
    tone = 'bad';
    word = 'health.signInNeeded';
  } else if (status === 'stopped') {
    tone = 'bad';
    word = 'health.disconnected';
  }
  const stale =
    staleSince && status !== 'live'
      ? t('health.staleSince', { time: t.shortClock(staleSince) })
      : '';
  const full = [t(word), detail, stale].filter(Boolean).join(' · ');
  return (
    <span
      className={`health-pill health-${tone}`}
      role="status"
      tabIndex={0}
      aria-label={t('health.label', { state: full })}
      title={full}
      data-status={status}
    >
      <span className="health-dot" aria-hidden="true" />
      <span className="health-word" aria-hidden="true">
        {t(word)}
      </span>
    </span>
  );
}
