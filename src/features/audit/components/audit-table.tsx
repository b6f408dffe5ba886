import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { SLOT, SECOND_SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import type { AuditRow } from '../audit-rows';
import { useAuditT } from '../text';

/** Rows shown on screen; the CSV always has every entry of the scope. */
const ROWS_SHOWN = 200;
/** An attribute key or prompt name is cut here; a value at the component's default. */
const DETAIL_MAX = 80;

/** An old or new value as it came (call data, a prompt), or "none". */
function Value({ text }: { text: string }) {
  const t = useAuditT();
  return text ? <UntrustedText text={text} /> : <>{t('audit.none')}</>;
}

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
                  {/* The event's words may carry a key or reason the flow wrote. */}
                  <UntrustedText className="audit-event" text={row.event} />
                  {row.party || row.detail ? (
                    <span
                      className="audit-detail"
                      title={row.detail ? displayString(row.detail, { max: TITLE_MAX }) : undefined}
                    >
                      {row.party}
                      {row.party && row.detail ? ' · ' : null}
                      {row.detail ? <UntrustedText text={row.detail} max={DETAIL_MAX} /> : null}
                    </span>
                  ) : null}
                </td>
                <td className="audit-change">
                  {row.from || row.to
                    ? withSlot(
                        t('audit.change', { from: SLOT, to: SECOND_SLOT }),
                        <Value text={row.from} />,
                        <Value text={row.to} />,
                      )
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
