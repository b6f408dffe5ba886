import { useId, useState } from 'react';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import { COLLAPSED_VALUE_LENGTH } from '../limits';
import type { CallDataMessageId } from '../messages';

const isLong = (text: string) => text.length > COLLAPSED_VALUE_LENGTH || text.includes('\n');

/** The start of a long value, whole code points only. */
function head(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return `${Array.from(firstLine).slice(0, COLLAPSED_VALUE_LENGTH).join('')}…`;
}

/**
 * A value as plain text (never markup), bidi-isolated with its invisible characters shown. A long
 * or multi-line one shows its start with "Show all"; expanded, it keeps its line breaks.
 */
export function LongText({ text, className }: { text: string; className?: string }) {
  const t = useT<CallDataMessageId>();
  const [open, setOpen] = useState(false);
  const id = useId();
  // Call data is the caller's: isolated, with invisible characters shown (untrusted-text.tsx).
  if (!isLong(text)) return <UntrustedText text={text} max={Infinity} className={className} />;
  return (
    <>
      <span id={id} className={`call-data-long${className ? ` ${className}` : ''}`}>
        <UntrustedText text={open ? text : head(text)} max={Infinity} multiline={open} />
      </span>{' '}
      <button
        type="button"
        className="link-button call-data-more"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {t(open ? 'callData.showLess' : 'callData.showAll')}
      </button>
    </>
  );
}
