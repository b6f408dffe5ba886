import { useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useConnection, useServices, useSession } from '../../../services/widget-services';
import { staleReasonOf, staleSinceOf } from '../stale-since';

/**
 * Across the call while the link is not live: what is shown is the state as of a time, not now.
 * Nothing else on screen claims to be current while this shows.
 */
export function useStaleSince(): number | undefined {
  const { scheduler } = useServices();
  const status = useConnection((s) => s.status);
  const staleSince = useConnection((s) => s.staleSince);
  const expired = useSession((s) => s.status === 'expired');
  const expiresAt = useSession((s) => s.expiresAt);
  const [shownAt] = useState(() => scheduler.now());
  return staleSinceOf({ status, staleSince }, { expired, expiresAt }, shownAt);
}

const REASON_TEXT = {
  signIn: 'stale.signIn',
  connecting: 'stale.connecting',
  reconnecting: 'stale.reconnecting',
  offline: 'stale.offline',
} as const;

export function StaleBanner({ since }: { since: number }) {
  const t = useT();
  const status = useConnection((s) => s.status);
  const expired = useSession((s) => s.status === 'expired');
  return (
    <p className="stale-banner" role="status" data-testid="stale-banner">
      <strong>{t('stale.asOf', { time: t.clock(since) })}</strong>{' '}
      {t(REASON_TEXT[staleReasonOf(status, { expired })])}
    </p>
  );
}
