import { Copy } from 'lucide-react';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { CallDataMessageId } from '../messages';
import type { AttributeEntry } from '../typed-values';
import { TypedValue } from './typed-value';
import { KEY_BREAKS } from '../limits';

export interface AttributeRow {
  entry: AttributeEntry;
  /** A value of the agent's not yet confirmed by a notification. */
  pending: boolean;
}

/** The customer's call data, one row per key: name (and type), typed value, copy. */
export function AttributeTable({
  rows,
  onCopy,
}: {
  rows: readonly AttributeRow[];
  onCopy(entry: AttributeEntry): void;
}) {
  const t = useT<CallDataMessageId>();
  return (
    <table className="call-data-table">
      <caption className="visually-hidden">{t('callData.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('callData.column.key')}</th>
          <th scope="col">{t('callData.column.value')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('callData.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ entry, pending }) => {
          const copyLabel = t('callData.copyLabel', {
            key: displayString(entry.name, { max: 80 }),
          });
          return (
            <tr key={entry.key} data-key={entry.key} data-pending={pending}>
              <th scope="row" className="call-data-key-cell">
                <span
                  className="call-data-key"
                  title={displayString(entry.key, { max: TITLE_MAX })}
                >
                  <UntrustedText text={entry.name} max={80} breakAfter={KEY_BREAKS} />
                </span>
                {entry.type ? (
                  <span className="call-data-type">{t('callData.type', { type: entry.type })}</span>
                ) : null}
              </th>
              <td className="call-data-value-cell">
                <TypedValue entry={entry} />
                {pending ? (
                  <span className="badge call-data-pending">{t('callData.saving')}</span>
                ) : null}
              </td>
              <td className="call-data-action-cell">
                <button
                  type="button"
                  className="button button-ghost call-data-copy"
                  aria-label={copyLabel}
                  title={copyLabel}
                  onClick={() => onCopy(entry)}
                >
                  <Copy size={14} aria-hidden="true" />
                  <span className="call-data-copy-text">{t('callData.copy')}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
