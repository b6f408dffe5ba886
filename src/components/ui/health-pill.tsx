import { useConnection, useSession } from '../../lib/services';
import { useNow } from '../../lib/use-now';

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Connection health, always visible: live / reconnecting / stale since hh:mm / sign-in needed. */
export function HealthPill() {
  const status = useConnection((s) => s.status);
  const attempt = useConnection((s) => s.attempt);
  const nextRetryAt = useConnection((s) => s.nextRetryAt);
  const staleSince = useConnection((s) => s.staleSince);
  const reauthenticating = useSession((s) => s.status === 'reauthenticating');
  const now = useNow(1000, status === 'reconnecting');

  let tone = 'neutral';
  let text = 'Connecting…';
  if (reauthenticating) {
    tone = 'warn';
    text = 'Re-authenticating…';
  } else if (status === 'live') {
    tone = 'ok';
    text = 'Live';
  } else if (status === 'reconnecting') {
    tone = 'warn';
    const wait = nextRetryAt ? Math.max(0, Math.ceil((nextRetryAt - now) / 1000)) : 0;
    text = `Reconnecting (attempt ${attempt}${wait > 0 ? `, next try in ${wait}s` : ''})`;
  } else if (status === 'signInNeeded') {
    tone = 'bad';
    text = 'Sign-in needed';
  } else if (status === 'stopped') {
    tone = 'bad';
    text = 'Disconnected';
  }
  const stale = staleSince && status !== 'live' ? ` · stale since ${clock(staleSince)}` : '';
  return (
    <span
      className={`health-pill health-${tone}`}
      role="status"
      aria-label={`Connection: ${text}${stale}`}
      data-status={status}
    >
      <span className="health-dot" aria-hidden="true" />
      {text}
      {stale}
    </span>
  );
}
