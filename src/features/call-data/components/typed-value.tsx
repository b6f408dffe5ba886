import { Check, X } from 'lucide-react';
import { useT } from '../../../i18n/use-t';
import { formatTyped } from '../format-typed';
import type { CallDataMessageId } from '../messages';
import type { AttributeEntry } from '../typed-values';
import { LongText } from './long-text';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The `datetime` attribute of <time>: 2026-10-02, or an ISO instant. */
function machineDate(
  typed: Extract<AttributeEntry['typed'], { kind: 'date' | 'datetime' }>,
): string {
  if (typed.kind === 'datetime') return new Date(typed.ms).toISOString();
  return `${pad(typed.year, 4)}-${pad(typed.month)}-${pad(typed.day)}`;
}

/** An attribute's value as its type: formatted numbers and dates, yes/no, or plain text. */
export function TypedValue({ entry }: { entry: AttributeEntry }) {
  const t = useT<CallDataMessageId>();
  const typed = entry.typed;
  if (typed.kind === 'checkbox') {
    const Icon = typed.checked ? Check : X;
    return (
      <span className="call-data-check">
        <Icon size={14} aria-hidden="true" />
        {t(typed.checked ? 'callData.checkbox.yes' : 'callData.checkbox.no')}
      </span>
    );
  }
  if (typed.kind === 'invalid')
    return (
      <>
        <LongText text={typed.text} />{' '}
        <span className="call-data-invalid">({t('callData.notValid', { type: typed.type })})</span>
      </>
    );
  const text = formatTyped(typed, t.locale) ?? entry.text;
  if (text === '') return <span className="muted">{t('callData.emptyValue')}</span>;
  if (typed.kind === 'date' || typed.kind === 'datetime')
    return (
      <time dateTime={machineDate(typed)} title={entry.text}>
        {text}
      </time>
    );
  if (typed.kind === 'number') return <span title={entry.text}>{text}</span>;
  return (
    <LongText
      text={text}
      className={typed.style === 'identifier' ? 'call-data-identifier' : undefined}
    />
  );
}
