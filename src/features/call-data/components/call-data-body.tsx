import { useCallback, useEffect, useRef, useState } from 'react';
import { message } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useServices } from '../../../services/widget-services';
import type { Participant } from '../../../platform/types';
import { draftEdits } from '../editor-state';
import { keyList, toShared, totalProblemMessage, type CallDataMessageId } from '../messages';
import { useAttributeRows } from '../use-attribute-rows';
import { useEditorFlow } from '../use-editor-flow';
import { useSaves } from '../use-saves';
import { AttributeEditor } from './attribute-editor';
import { AttributeView, type ViewOptions } from './attribute-view';
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
  const root = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const theirs = customer.attributes;
  const { saves, save, dismiss } = useSaves(conversationId, customer.id);
  const inProgress = saves.filter((s) => !s.summary.done);
  const savingKeys = inProgress.flatMap((s) => Object.keys(s.record.values));
  const { rows, pending, editable } = useAttributeRows(
    conversationId,
    customer.id,
    theirs,
    savingKeys,
  );
  const flow = useEditorFlow({
    draftKey: `${conversationId}/${customer.id}`,
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
            keys: keyList(Object.keys(values)),
          }),
        ),
      );
    },
  });
  const [options, setOptions] = useState<ViewOptions>({ filter: '', showProtocol: false });
  const editing = useRef(flow.state);
  useEffect(() => {
    editing.current = flow.state;
  });
  const editingKeys = useCallback(() => new Set(Object.keys(draftEdits(editing.current))), []);
  const mode = flow.state.mode;

  return (
    <div className="call-data-body" ref={root}>
      {mode === 'view' ? (
        <AttributeView
          rows={rows}
          options={options}
          onOptions={setOptions}
          editButton={editButton}
          onEdit={flow.start}
        />
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
          pendingSaves={inProgress.map((s) => s.record.id)}
        />
      ) : null}
    </div>
  );
}
