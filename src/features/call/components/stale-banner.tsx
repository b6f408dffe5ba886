import { useT } from '../../../i18n/use-t';
import { useConnection, useSession } from '../../../services/widget-services';

/**
 * Across the call while the link is not live: what is shown is the state as of a time, not now.
 * Nothing else on screen claims to be current while this shows.
 */
export function useStaleSince(): number | undefined {
  const status = useConnection((s) => s.status);
  const staleSince = useConnection((s) => s.staleSince);
  const expired = useSession((s) => s.status === 'expired');
  const expiresAt = useSession((s) => s.expiresAt);
  if (status === 'live' && !expired) return undefined;
  if (status === 'idle' || status === 'connecting') return undefined;
  return staleSince ?? expiresAt;
}

export function StaleBanner({ since }: { since: number }) {
  const t = useT();
  const reconnecting = useConnection((s) => s.status === 'reconnecting');
  const expired = useSession((s) => s.status === 'expired');
  return (
    <p className="stale-banner" role="status" data-testid="stale-banner">
      <strong>{t('stale.asOf', { time: t.clock(since) })}</strong>{' '}
      {t(expired ? 'stale.signIn' : reconnecting ? 'stale.reconnecting' : 'stale.offline')}
    </p>
  );
}
