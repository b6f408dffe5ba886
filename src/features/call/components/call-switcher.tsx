import { customerOf } from '../../../domain/call-selectors';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import { useCall } from '../../../calls/use-call';
import { callStatus } from '../selection';
import { useParticipantName } from '../../../directory/use-participant-name';
import { StatusBadge } from './status-badge';

function Entry({
  id,
  userId,
  current,
  onSelect,
}: {
  id: string;
  userId: string;
  current: boolean;
  onSelect(id: string): void;
}) {
  const t = useT();
  const call = useCall(id);
  const name = useParticipantName(call ? customerOf(call) : undefined);
  if (!call) return null;
  const status = callStatus(call, userId);
  return (
    <li>
      <button
        type="button"
        className="switcher-entry"
        aria-current={current ? 'true' : undefined}
        data-status={status}
        onClick={() => onSelect(id)}
      >
        <span className="switcher-name">
          {name ? <UntrustedText text={name} max={80} /> : t('call.unknownCaller')}
        </span>
        <StatusBadge status={status} />
      </button>
    </li>
  );
}

/** Every call of the agent's, each with its state; the shown one is marked current. */
export function CallSwitcher({
  ids,
  userId,
  selected,
  onSelect,
}: {
  ids: string[];
  userId: string;
  selected: string | undefined;
  onSelect(id: string): void;
}) {
  const t = useT();
  return (
    <nav aria-label={t('switcher.label')} className="call-switcher">
      <ul>
        {ids.map((id) => (
          <Entry key={id} id={id} userId={userId} current={id === selected} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}
