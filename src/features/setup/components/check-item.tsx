import { CircleCheck, CircleMinus, CircleX } from 'lucide-react';
import type { CheckResult, CheckStatus } from '../model';
import { useSetupT } from '../text';

const ICONS: Record<CheckStatus, typeof CircleCheck> = {
  works: CircleCheck,
  willNotWork: CircleX,
  notChecked: CircleMinus,
};

/** The status as an icon beside its word (never the icon alone). */
export function StatusLabel({ status }: { status: CheckStatus | 'running' }) {
  const t = useSetupT();
  const Icon = status === 'running' ? undefined : ICONS[status];
  return (
    <span className={`setup-status setup-status-${status}`}>
      {Icon ? <Icon size={16} aria-hidden /> : null}
      <span>{t('setup.status', { status })}</span>
    </span>
  );
}

/** One check: what was checked, its status, why, and what to change. */
export function CheckItem({ check }: { check: CheckResult }) {
  const t = useSetupT();
  return (
    <li className="setup-check" data-check-id={check.id} data-status={check.status}>
      <div className="setup-check-head">
        <span className="setup-check-title">
          {t.message(check.title)}
          {check.optional ? <span className="muted"> ({t('setup.optional')})</span> : null}
        </span>
        <StatusLabel status={check.status} />
      </div>
      <p className="setup-check-detail">{t.message(check.detail)}</p>
      {check.notes?.map((note, i) => (
        <p key={i} className="setup-check-note muted">
          {t.message(note)}
        </p>
      ))}
      {check.fix && check.status !== 'works' ? (
        <p className="setup-check-fix">{t('setup.fixLabel', { fix: t.message(check.fix) })}</p>
      ) : null}
    </li>
  );
}
