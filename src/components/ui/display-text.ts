/**
 * Untrusted text (names, numbers, call data, prompt names) as the screen may show it: every
 * invisible control or format character made visible as `⟨U+202E⟩` (so `\u202egnp.exe` cannot
 * pass for "exe.png", and a zero-width space or a NUL cannot hide), and the length clamped.
 * Pure: `untrusted-text.tsx` renders it, bidi-isolated; attributes (titles, labels) use
 * `displayString`.
 */

import type { Message } from '../../i18n/message';

/** Characters shown on screen before a clamp (per place; the full value is on demand). */
export const UNTRUSTED_MAX = 200;

/** A title carries the full value up to this many characters. */
export const TITLE_MAX = 10_000;

export interface DisplaySegment {
  /** Text to show as is. */
  text: string;
  /** `U+202E` when this segment stands for an invisible character. */
  code?: string;
}

export interface DisplayText {
  segments: DisplaySegment[];
  /** Some of the value is not shown. */
  clamped: boolean;
  /** The value's length in code points (what "Show all" offers). */
  length: number;
}

export interface DisplayOptions {
  /** Characters shown before the rest is cut (escapes count as their visible length). */
  max?: number;
  /** Keep line breaks and tabs (a multi-line call-data value). */
  multiline?: boolean;
}

/**
 * Controls (Cc), format characters (Cf: bidi overrides and isolates, zero-width spaces, BOM,
 * tag characters), line and paragraph separators and lone surrogates.
 */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;
const LINE_BREAKS = new Set(['\n', '\r', '\t']);
/** Joiners that scripts (Persian, Indic) and emoji sequences need between two of their letters. */
const JOINERS = new Set(['\u200c', '\u200d']);

const isSurrogate = (c: string) => c.length === 1 && c >= '\ud800' && c <= '\udfff';
const codeOf = (c: string) =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function isHidden(chars: readonly string[], i: number, multiline: boolean): boolean {
  const c = chars[i]!;
  if (isSurrogate(c)) return true;
  if (!INVISIBLE.test(c)) return false;
  if (multiline && LINE_BREAKS.has(c)) return false;
  if (JOINERS.has(c)) {
    const before = chars[i - 1];
    const after = chars[i + 1];
    const joins = (x: string | undefined) =>
      x !== undefined && x > '\u007f' && !INVISIBLE.test(x) && !isSurrogate(x);
    return !(joins(before) && joins(after));
  }
  return true;
}

/**
 * The value in segments: plain text, and one segment per invisible character. Cut after `max`
 * visible characters (an escape counts as its ten or so), whole code points only.
 *
 * @example
 * displayText('\u202egnp.exe').segments; // [{text: '⟨U+202E⟩', code: 'U+202E'}, {text: 'gnp.exe'}]
 */
export function displayText(value: string, options: DisplayOptions = {}): DisplayText {
  const max = options.max ?? UNTRUSTED_MAX;
  const multiline = options.multiline ?? false;
  const chars = Array.from(value);
  const segments: DisplaySegment[] = [];
  let shown = 0;
  let clamped = false;
  for (let i = 0; i < chars.length; i += 1) {
    const hidden = isHidden(chars, i, multiline);
    const code = hidden ? codeOf(chars[i]!) : undefined;
    const text = code ? `⟨${code}⟩` : chars[i]!;
    const width = code ? text.length : 1;
    if (shown + width > max) {
      clamped = true;
      break;
    }
    shown += width;
    const last = segments.at(-1);
    if (!code && last && !last.code) last.text += text;
    else segments.push(code ? { text, code } : { text });
  }
  return { segments, clamped, length: chars.length };
}

/**
 * The value as one string for an attribute (a title, an accessible label): invisible characters
 * made visible, cut at `max` with "…".
 */
export function displayString(value: string, options: DisplayOptions = {}): string {
  const { segments, clamped } = displayText(value, options);
  return segments.map((s) => s.text).join('') + (clamped ? '…' : '');
}

/**
 * A message carried from non-React code whose values may come from outside (a caller's name in
 * an announcement, a launch parameter, a server's detail): each text value made visible and
 * bounded as the screen shows it; numbers and dates untouched.
 */
export function boundMessage<M extends Message<string>>(message: M): M {
  if (!message.values) return message;
  const values = Object.fromEntries(
    Object.entries(message.values).map(([k, v]) => [
      k,
      typeof v === 'string' ? displayString(v) : v,
    ]),
  );
  return { ...message, values };
}
