import { Pencil } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { message, type Message } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useServices } from '../../../lib/services';
import type { Participant } from '../../../platform/types';
import { copyText } from '../copy-text';
import { draftEdits } from '../editor-state';
import { toShared, totalProblemMessage, type CallDataMessageId } from '../messages';
import type { AttributeEntry } from '../typed-values';
import { useAttributeRows } from '../use-attribute-rows';
import { useEditorFlow } from '../use-editor-flow';
import { useSaves } from '../use-saves';
import { isReservedKey } from '../validation';
import { AttributeEditor } from './attribute-editor';
import { AttributeTable } from './attribute-table';
import { ChangeReview } from './change-review';
import { CrmSection } from './crm-section';
import { SaveStatus } from './save-status';

export interface CallDataBodyProps {
  conversationId: string;
  customer: Participant;
  crmUrl?: string;
}

/** The customer's call data: view (filter, copy), edit and review, saves, and the CRM. */
export function CallDataBody({ conversationId, customer, crmUrl }: CallDataBodyProps) {
  const t = useT<CallDataMessageId>();
  const { ui } = useServices();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const theirs = customer.attributes;
  const { saves, save, dismiss } = useSaves(conversationId, customer.id);
  const savingKeys = saves
    .filter((s) => !s.summary.done)
    .flatMap((s) => Object.keys(s.record.values));
  const { rows, pending, editable } = useAttributeRows(
    conversationId,
    customer.id,
    theirs,
    savingKeys,
  );
  const flow = useEditorFlow({
    theirs,
    root,
    editButton,
    reviewHeading,
    save: (values) => {
      save(values, 'agent');
      ui.getState().announce(
        toShared(
          message('callData.save.pending', {
            count: Object.keys(values).length,
            keys: Object.keys(values).join(', '),
          }),
        ),
      );
    },
  });
  const [filter, setFilter] = useState('');
  const [showProtocol, setShowProtocol] = useState(false);
  const [copyNote, setCopyNote] = useState<Message<CallDataMessageId>>();
  const editing = useRef(flow.state);
  useEffect(() => {
    editing.current = flow.state;
  });
  const editingKeys = useCallback(() => new Set(Object.keys(draftEdits(editing.current))), []);

  const onCopy = async (entry: AttributeEntry) => {
    const ok = await copyText(entry.text, root.current?.ownerDocument);
    const note = message(ok ? 'callData.copied' : 'callData.copyFailed', { key: entry.name });
    setCopyNote(note);
    ui.getState().announce(toShared(note));
  };

  const needle = filter.trim().toLowerCase();
  const visible = rows.filter(
    (r) =>
      (showProtocol || !isReservedKey(r.entry.key)) &&
      (needle === '' || r.entry.key.toLowerCase().includes(needle)),
  );
  const hidden = rows.length - visible.length;
  const mode = flow.state.mode;

  return (
    <div className="call-data-body" ref={root}>
      {mode === 'view' ? (
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
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <button type="button" className="button" ref={editButton} onClick={flow.start}>
              <Pencil size={16} aria-hidden="true" />
              {t('callData.edit')}
            </button>
          </div>
          <p className="call-data-check-line">
            <input
              id={`${id}-protocol`}
              type="checkbox"
              checked={showProtocol}
              onChange={(e) => setShowProtocol(e.target.checked)}
            />
            <label htmlFor={`${id}-protocol`}>{t('callData.showProtocol')}</label>
          </p>
          <p className="call-data-count muted" data-testid="call-data-count">
            {t('callData.count', { shown: visible.length, hidden })}
          </p>
          {rows.length === 0 ? (
            <p className="muted">{t('callData.empty')}</p>
          ) : visible.length === 0 && needle !== '' ? (
            <p className="muted">{t('callData.noMatch', { filter })}</p>
          ) : visible.length > 0 ? (
            <AttributeTable rows={visible} onCopy={(entry) => void onCopy(entry)} />
          ) : null}
          {copyNote ? (
            <p className="call-data-hint" data-testid="copy-status">
              {t.message(copyNote)}
            </p>
          ) : null}
        </>
      ) : null}
      {mode === 'edit' ? (
        <>
          {flow.check && !flow.check.ok ? (
            <p className="inline-alert call-data-form-problem" role="alert">
              {flow.check.total
                ? t.message(totalProblemMessage(flow.check.total))
                : t('callData.fixFirst', { count: flow.check.rows.size })}
            </p>
          ) : null}
          {flow.note ? <p className="notice">{t.message(flow.note)}</p> : null}
          <AttributeEditor
            state={flow.state}
            dispatch={flow.dispatch}
            keys={editable}
            theirs={theirs}
            pending={pending}
            conflicts={flow.conflicts}
            check={flow.check}
            onReview={flow.review}
            onCancel={flow.cancel}
            onKeepTheirs={flow.keepTheirs}
            onTakeMine={flow.takeMine}
          />
        </>
      ) : null}
      {mode === 'review' ? (
        <ChangeReview
          headingRef={reviewHeading}
          plan={flow.plan}
          theirs={theirs}
          onSave={flow.commit}
          onBack={flow.back}
          onKeepTheirs={flow.keepTheirs}
          onTakeMine={flow.takeMine}
        />
      ) : null}
      <SaveStatus saves={saves} onDismiss={dismiss} />
      {crmUrl ? (
        <CrmSection
          url={crmUrl}
          conversationId={conversationId}
          participantId={customer.id}
          connected={customer.state === 'connected'}
          editingKeys={editingKeys}
          write={(values) => save(values, 'crm')}
        />
      ) : null}
    </div>
  );
}
