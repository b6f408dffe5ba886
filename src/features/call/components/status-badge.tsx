import type { CoreMessageId } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import type { CallStatus } from '../selection';

const LABEL: Record<CallStatus, CoreMessageId> = {
  ringing: 'status.ringing',
  calling: 'status.calling',
  connected: 'status.connected',
  held: 'status.held',
  muted: 'status.muted',
  wrapup: 'status.wrapup',
  transferred: 'status.transferred',
  ended: 'status.ended',
  other: 'status.other',
};

/** The call's state at a glance; colour is never the only signal (the word is always there). */
export function StatusBadge({ status }: { status: CallStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(LABEL[status])}
    </span>
  );
}
