import { Fragment, useId, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { displayString, displayText, TITLE_MAX, UNTRUSTED_MAX } from './display-text';
import './untrusted-text.css';

export interface UntrustedTextProps {
  /** The value as it came (a caller's name, a number, call data, a prompt name). */
  text: string;
  /** Characters shown before the value is cut (default 200). */
  max?: number;
  /**
   * The full value on demand with a "Show all" button after the text (where a button may go:
   * not inside another button or a grid cell). Otherwise a cut value carries it in its title.
   */
  expandable?: boolean;
  /** Keep line breaks (a multi-line call-data value; style it with `white-space: pre-wrap`). */
  multiline?: boolean;
  /**
   * Characters after which the text may wrap (a call-data key: `.`, `_`, `-`), so a key wraps
   * at its own boundaries; style it with `overflow-wrap: break-word` so it never breaks inside.
   */
  breakAfter?: string;
  className?: string;
}

/**
 * Text from outside the widget, shown so that it cannot pass for something else or take over the
 * screen: bidi-isolated (`<bdi dir="auto">`: a right-to-left name never reorders the text around
 * it), every invisible control or format character shown as `⟨U+202E⟩`, and clamped to `max`
 * characters with the rest in its title or behind "Show all". Always text, never markup.
 *
 * @example
 * <UntrustedText text={callerName} expandable />
 */
export function UntrustedText({
  text,
  max = UNTRUSTED_MAX,
  expandable = false,
  multiline = false,
  breakAfter,
  className,
}: UntrustedTextProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const shown = displayText(text, { max: open ? Infinity : max, multiline });
  const cut = displayText(text, { max, multiline }).clamped;
  const title =
    shown.clamped && !expandable ? displayString(text, { max: TITLE_MAX, multiline }) : undefined;
  return (
    <>
      <bdi
        id={id}
        dir="auto"
        className={`untrusted-text${className ? ` ${className}` : ''}`}
        title={title}
        data-clamped={shown.clamped ? 'true' : undefined}
      >
        {shown.segments.map((s, i) =>
          s.code ? (
            <span key={i} className="untrusted-escape">
              {s.text}
            </span>
          ) : (
            <Fragment key={i}>{breakAfter ? withBreaks(s.text, breakAfter) : s.text}</Fragment>
          ),
        )}
        {shown.clamped ? '…' : null}
      </bdi>
      {expandable && cut ? (
        <>
          {' '}
          <button
            type="button"
            className="link-button untrusted-more"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? t('untrusted.showLess') : t('untrusted.showAll', { count: shown.length })}
          </button>
        </>
      ) : null}
    </>
  );
}

/** The text with a `<wbr>` after each of `chars` (as elements: the text stays text). */
function withBreaks(text: string, chars: string): ReactNode {
  const parts: ReactNode[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!chars.includes(text.charAt(i))) continue;
    parts.push(text.slice(start, i + 1), <wbr key={i} />);
    start = i + 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(start));
  return parts;
}

/** Stands for an untrusted value in a message, so the message's words stay plain text. */
export const SLOT = '\u{F0000}';
/** Stands for a second value in the same message (a translation may put it first). */
export const SECOND_SLOT = '\u{F0001}';

/**
 * A message with `SLOT` (and `SECOND_SLOT`) in place of values, with the values' elements put
 * there, wherever the translation puts them:
 * `withSlot(t('participant.you', { name: SLOT }), <UntrustedText text={name} />)`.
 */
export function withSlot(message: string, value: ReactNode, second?: ReactNode): ReactNode {
  const parts = message.split(/(\u{F0000}|\u{F0001})/u);
  if (parts.length === 1) return message;
  return parts.map((part, i) => (
    <Fragment key={i}>{part === SLOT ? value : part === SECOND_SLOT ? second : part}</Fragment>
  ));
}
