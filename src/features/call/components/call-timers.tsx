import type { Participant } from '../../../platform/types';
import { formatDuration, useNow } from '../../../lib/use-now';

/** Live call and hold timers from the server's timestamps. */
export function CallTimers({ me, ended }: { me?: Participant; ended: boolean }) {
  const now = useNow(1000, !ended);
  const start = me?.connectedTime ?? me?.startTime;
  const end = ended ? (me?.endTime ?? now) : now;
  return (
    <p className="call-timers">
      {start !== undefined ? (
        <span>
          Call <time data-testid="call-timer">{formatDuration(end - start)}</time>
        </span>
      ) : null}
      {me?.held && me.startHoldTime !== undefined && !ended ? (
        <span>
          {' '}
          · On hold <time data-testid="hold-timer">{formatDuration(now - me.startHoldTime)}</time>
        </span>
      ) : null}
    </p>
  );
}
