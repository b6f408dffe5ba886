import { useCallback, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useRememberedOpen } from '../../../components/ui/use-remembered-open';
import { useCatalog } from '../../../i18n/use-catalog';
import type { Call } from '../../../platform/types';
import { completionRate, type CompletionFigures } from '../audit-entry';
import { toRow, type AuditRow } from '../audit-rows';
import type { AuditTrail } from '../audit-trail';
import { CATALOG, useAuditT } from '../text';
import { AuditTable } from './audit-table';
import { ExportButton } from './export-button';
import '../audit.css';

export interface AuditPanelProps {
  trail: AuditTrail;
  call: Call;
}

/** The session's audit trail (recorded from sign-in by the trail, read here) and its CSV. */
export default function AuditPanel(props: AuditPanelProps) {
  useCatalog(CATALOG);
  return <Audit {...props} />;
}

type Scope = 'call' | 'session';

function Audit({ trail, call }: AuditPanelProps) {
  const t = useAuditT();
  const [open, setOpen] = useRememberedOpen('audit', false);
  const [scope, setScope] = useState<Scope>('call');
  const id = useId();
  const entries = useSyncExternalStore(
    useCallback((listener: () => void) => trail.subscribe(listener), [trail]),
    useCallback(() => trail.entries(), [trail]),
  );
  const label = useCallback((promptId: string) => trail.promptLabel(promptId), [trail]);
  const rows = useMemo<AuditRow[]>(
    () =>
      entries
        .filter((e) => scope === 'session' || e.conversationId === call.id)
        .map((e) => toRow(e, t, label)),
    [entries, scope, call.id, t, label],
  );
  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <h3 className="audit-title" id={`${id}-title`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          {t('audit.title')}
        </button>{' '}
        <span className="badge">{t('audit.count', { count: rows.length })}</span>
      </h3>
      <div id={`${id}-body`} hidden={!open} className="audit-body">
        {open ? (
          <>
            <fieldset className="audit-scope">
              <legend>{t('audit.scope.label')}</legend>
              {(['call', 'session'] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-scope`}
                    value={value}
                    checked={scope === value}
                    onChange={() => setScope(value)}
                  />
                  <span>{t(value === 'call' ? 'audit.scope.call' : 'audit.scope.session')}</span>
                </label>
              ))}
            </fieldset>
            <Figures figures={trail.figures()} />
            <ExportButton rows={rows} />
            <AuditTable rows={rows} />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Started, completed, stopped, failed and the completion rate of the session's playbacks. */
function Figures({ figures }: { figures: CompletionFigures }) {
  const t = useAuditT();
  const rate = completionRate(figures);
  const items = [
    ['audit.figures.started', figures.started],
    ['audit.figures.completed', figures.completed],
    ['audit.figures.stopped', figures.stopped],
    ['audit.figures.failed', figures.failed],
    ...(figures.unknown > 0 ? [['audit.figures.unknown', figures.unknown] as const] : []),
  ] as const;
  return (
    <div className="audit-figures" role="group" aria-label={t('audit.figures.title')}>
      <p className="audit-figures-title">{t('audit.figures.title')}</p>
      <dl>
        {items.map(([key, count]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{t.number(count)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('audit.figures.rate')}</dt>
          <dd data-testid="completion-rate">
            {rate === undefined
              ? t('audit.figures.rateNone')
              : t('audit.figures.rateValue', { rate })}
          </dd>
        </div>
      </dl>
    </div>
  );
}
