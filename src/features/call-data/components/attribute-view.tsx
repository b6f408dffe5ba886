import { Pencil } from 'lucide-react';
import { useId, useState, type RefObject } from 'react';
import { message, type Message } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useServices } from '../../../services/widget-services';
import { copyText } from '../copy-text';
import { toShared, type CallDataMessageId } from '../messages';
import type { AttributeEntry } from '../typed-values';
import { isReservedKey } from '../validation';
import { AttributeTable, type AttributeRow } from './attribute-table';

export interface ViewOptions {
  filter: string;
  showProtocol: boolean;
}

/** The rows a filter and the protocol switch leave visible. */
function visibleRows(rows: readonly AttributeRow[], options: ViewOptions): AttributeRow[] {
  const needle = options.filter.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (options.showProtocol || !isReservedKey(r.entry.key)) &&
      (needle === '' || r.entry.key.toLowerCase().includes(needle)),
  );
}

/** Reading call data: filter by key, show the panel's own keys, copy a value, start editing. */
export function AttributeView({
  rows,
  options,
  onOptions,
  editButton,
  onEdit,
}: {
  rows: readonly AttributeRow[];
  options: ViewOptions;
  onOptions(options: ViewOptions): void;
  editButton: RefObject<HTMLButtonElement | null>;
  onEdit(): void;
}) {
  const t = useT<CallDataMessageId>();
  const { ui } = useServices();
  const id = useId();
  const [copyNote, setCopyNote] = useState<Message<CallDataMessageId>>();
  const visible = visibleRows(rows, options);
  const onCopy = async (entry: AttributeEntry) => {
    const ok = await copyText(entry.text, editButton.current?.ownerDocument);
    const note = message(ok ? 'callData.copied' : 'callData.copyFailed', { key: entry.name });
    setCopyNote(note);
    ui.getState().announce(toShared(note));
  };
  return (
    <>
      <div className="call-data-toolbar">
        <label htmlFor={`${id}-filter`} className="visually-hidden">
          {t('callData.filter')}
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          className="call-data-input call-data-filter"
          placeholder={t('callData.filter')}
          value={options.filter}
          onChange={(e) => onOptions({ ...options, filter: e.target.value })}
        />
        <button type="button" className="button" ref={editButton} onClick={onEdit}>
          <Pencil size={16} aria-hidden="true" />
          {t('callData.edit')}
        </button>
      </div>
      <p className="call-data-check-line">
        <input
          id={`${id}-protocol`}
          type="checkbox"
          checked={options.showProtocol}
          onChange={(e) => onOptions({ ...options, showProtocol: e.target.checked })}
        />
        <label htmlFor={`${id}-protocol`}>{t('callData.showProtocol')}</label>
      </p>
      <p className="call-data-count muted" data-testid="call-data-count">
        {t('callData.count', { shown: visible.length, hidden: rows.length - visible.length })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('callData.empty')}</p>
      ) : visible.length === 0 && options.filter.trim() !== '' ? (
        <p className="muted">{t('callData.noMatch', { filter: options.filter })}</p>
      ) : visible.length > 0 ? (
        <AttributeTable rows={visible} onCopy={(entry) => void onCopy(entry)} />
      ) : null}
      {copyNote ? (
        <p className="call-data-hint" data-testid="copy-status">
          {t.message(copyNote)}
        </p>
      ) : null}
    </>
  );
}
