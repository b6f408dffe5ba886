import type { AuditRow } from '../audit-rows';
import { useAuditT } from '../text';

/** Rows shown on screen; the CSV always has every entry of the scope. */
const ROWS_SHOWN = 200;

/** The entries, newest first: time, who, what (on whose line, with its detail), old → new. */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const t = useAuditT();
  if (rows.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  const shown = rows.slice(-ROWS_SHOWN).reverse();
  return (
    <>
      {rows.length > shown.length ? (
        <p className="muted">{t('audit.truncated', { shown: shown.length, total: rows.length })}</p>
      ) : null}
      <div className="audit-table-wrap">
        <table className="audit-table">
          <caption className="visually-hidden">{t('audit.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.column.time')}</th>
              <th scope="col">{t('audit.column.actor')}</th>
              <th scope="col">{t('audit.column.event')}</th>
              <th scope="col">{t('audit.column.change')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.seq} data-seq={row.seq}>
                <td>
                  <time dateTime={row.iso}>{t.clock(row.at)}</time>
                </td>
                <td>{row.actor}</td>
                <td>
                  <span className="audit-event">{row.event}</span>
                  {row.party || row.detail ? (
                    <span className="audit-detail" title={row.detail}>
                      {[row.party, row.detail].filter(Boolean).join(' · ')}
                    </span>
                  ) : null}
                </td>
                <td className="audit-change">
                  {row.from || row.to
                    ? t('audit.change', {
                        from: row.from || t('audit.none'),
                        to: row.to || t('audit.none'),
                      })
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
