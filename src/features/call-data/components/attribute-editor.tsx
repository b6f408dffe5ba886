import { Plus, Trash2 } from 'lucide-react';
import { useId, type Dispatch, type FormEvent } from 'react';
import type { Message } from '../../../i18n/message';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { EditorAction, EditorState, NewRow } from '../editor-state';
import { shownValue } from '../editor-state';
import { keyProblemMessage, valueProblemMessage, type CallDataMessageId } from '../messages';
import type { Conflict } from '../three-way-merge';
import { expectedType, STRICT_TYPES } from '../typed-values';
import type { DraftCheck, RowProblems } from '../validation';
import { ConflictCard } from './conflict-card';
import { KEY_BREAKS } from '../limits';

export interface EditorProps {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  /** The participant's keys the agent may edit (not `lcp.*`), in display order. */
  keys: readonly string[];
  theirs: Readonly<Record<string, string>>;
  pending: ReadonlySet<string>;
  conflicts: ReadonlyMap<string, Conflict>;
  check?: DraftCheck;
  onReview(): void;
  onCancel(): void;
  onKeepTheirs(key: string): void;
  onTakeMine(key: string): void;
}

type T = ReturnType<typeof useT<CallDataMessageId>>;

/** The hint under a typed key's value ("A number, for example 12.5"). */
function hintFor(key: string, value: string): CallDataMessageId | undefined {
  const type = expectedType(key, value)?.type;
  return type && STRICT_TYPES.has(type)
    ? (`callData.hint.${type}` as CallDataMessageId)
    : undefined;
}

function FieldMessages({
  id,
  hint,
  error,
  t,
}: {
  id: string;
  hint?: CallDataMessageId;
  error?: Message<CallDataMessageId>;
  t: T;
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="call-data-hint">
          {t(hint)}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="call-data-error">
          {t.message(error)}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** Values of the participant's keys, and new keys, with validation before anything is sent. */
export function AttributeEditor(props: EditorProps) {
  const t = useT<CallDataMessageId>();
  const { state, dispatch, check } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onReview();
  };
  return (
    <form className="call-data-form" onSubmit={submit} noValidate data-testid="call-data-editor">
      {props.keys.map((key) => (
        <ExistingRow
          key={key}
          rowKey={key}
          {...props}
          t={t}
          problems={check?.rows.get(`key:${key}`)}
        />
      ))}
      {state.added.map((row, index) => (
        <NewKeyRow
          key={row.id}
          row={row}
          n={index + 1}
          t={t}
          dispatch={dispatch}
          problems={check?.rows.get(row.id)}
          conflict={props.conflicts.get(row.key)}
          onKeepTheirs={props.onKeepTheirs}
          onTakeMine={props.onTakeMine}
        />
      ))}
      <div className="call-data-actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'add' })}>
          <Plus size={16} aria-hidden="true" />
          {t('callData.addKey')}
        </button>
      </div>
      <div className="call-data-actions">
        <button type="submit" className="button button-primary">
          {t('callData.review')}
        </button>
        <button type="button" className="button button-ghost" onClick={props.onCancel}>
          {t('callData.cancel')}
        </button>
      </div>
    </form>
  );
}

function ExistingRow(
  props: EditorProps & {
    rowKey: string;
    t: T;
    problems?: RowProblems;
  },
) {
  const { rowKey: key, state, dispatch, theirs, t, problems } = props;
  const id = useId();
  const value = shownValue(state, key, theirs[key]);
  const hint = hintFor(key, value);
  const error = problems?.value ? valueProblemMessage(problems.value) : undefined;
  const saving = props.pending.has(key);
  const conflict = props.conflicts.get(key);
  return (
    <div className="call-data-field" data-key={key}>
      <label htmlFor={id} className="call-data-key">
        <UntrustedText text={key} max={80} breakAfter={KEY_BREAKS} />
      </label>
      <textarea
        id={id}
        className="call-data-input"
        rows={value.length > 60 || value.includes('\n') ? 3 : 1}
        value={value}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint || saving, error)}
        onChange={(e) =>
          dispatch({ type: 'change', key, value: e.target.value, theirs: theirs[key] })
        }
      />
      {saving ? (
        <p id={`${id}-hint`} className="call-data-hint">
          {t('callData.savingRow')}
        </p>
      ) : (
        <FieldMessages id={id} hint={hint} error={error} t={t} />
      )}
      {conflict ? (
        <ConflictCard
          conflict={conflict}
          onKeepTheirs={() => props.onKeepTheirs(key)}
          onTakeMine={() => props.onTakeMine(key)}
        />
      ) : null}
    </div>
  );
}

function NewKeyRow({
  row,
  n,
  t,
  dispatch,
  problems,
  conflict,
  onKeepTheirs,
  onTakeMine,
}: {
  row: NewRow;
  n: number;
  t: T;
  dispatch: Dispatch<EditorAction>;
  problems?: RowProblems;
  conflict?: Conflict;
  onKeepTheirs(key: string): void;
  onTakeMine(key: string): void;
}) {
  const id = useId();
  const keyError = problems?.key ? keyProblemMessage(problems.key) : undefined;
  const valueError = problems?.value ? valueProblemMessage(problems.value) : undefined;
  const hint = hintFor(row.key, row.value);
  const change = (field: 'key' | 'value') => (e: { target: { value: string } }) =>
    dispatch({ type: 'changeNew', id: row.id, field, value: e.target.value });
  return (
    <fieldset className="call-data-new" data-new-row={row.id}>
      <legend>{t('callData.newKey', { n })}</legend>
      <label htmlFor={`${id}-k`}>{t('callData.column.key')}</label>
      <input
        id={`${id}-k`}
        className="call-data-input"
        value={row.key}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={keyError ? true : undefined}
        aria-describedby={describedBy(`${id}-k`, false, keyError)}
        onChange={change('key')}
      />
      <FieldMessages id={`${id}-k`} error={keyError} t={t} />
      <label htmlFor={`${id}-v`}>{t('callData.column.value')}</label>
      <textarea
        id={`${id}-v`}
        className="call-data-input"
        rows={row.value.length > 60 || row.value.includes('\n') ? 3 : 1}
        value={row.value}
        aria-invalid={valueError ? true : undefined}
        aria-describedby={describedBy(`${id}-v`, hint, valueError)}
        onChange={change('value')}
      />
      <FieldMessages id={`${id}-v`} hint={hint} error={valueError} t={t} />
      <button
        type="button"
        className="button button-ghost"
        onClick={() => dispatch({ type: 'remove', id: row.id })}
      >
        <Trash2 size={16} aria-hidden="true" />
        {t('callData.removeNew', { n })}
      </button>
      {conflict ? (
        <ConflictCard
          conflict={conflict}
          onKeepTheirs={() => onKeepTheirs(row.key)}
          onTakeMine={() => onTakeMine(row.key)}
        />
      ) : null}
    </fieldset>
  );
}
