import { readableNumber } from '../../domain/call-selectors';

/** NANP (+1) and Russia/Kazakhstan (+7) have one-digit country codes; others shown with two. */
const ONE_DIGIT_COUNTRY = new Set(['1', '7']);
const MIN_HIDDEN = 5;

/**
 * A caller's number with most digits hidden, for a supervisor's overview:
 * `tel:+13175550142` → `+1 ••• ••• 0142`. The country code and the last four digits stay (two
 * for short numbers) while at least five digits (half of a short number) stay hidden; undefined
 * when the address holds no number a person could read.
 *
 * @example
 * maskNumber('sip:+61416275769@10.47.1.31;user=phone'); // '+61 ••• •• 5769'
 */
export function maskNumber(address: string | undefined): string | undefined {
  const number = readableNumber(address);
  if (!number) return undefined;
  const international = number.startsWith('+');
  const digits = number.replace(/\D/g, '');
  if (digits.length === 0) return undefined;
  const long = digits.length >= 8;
  const tail = digits.length < 4 ? 0 : long ? 4 : 2;
  const country = international && long ? (ONE_DIGIT_COUNTRY.has(digits[0]!) ? 1 : 2) : 0;
  // At least five digits (or half of a short number) stay hidden.
  const head = Math.max(0, Math.min(country, digits.length - tail - MIN_HIDDEN));
  const hidden = digits.length - head - tail;
  const groups: string[] = [];
  for (let left = hidden; left > 0; left -= 3) groups.push('•'.repeat(Math.min(3, left)));
  return [
    head > 0 ? `+${digits.slice(0, head)}` : international ? '+' : '',
    groups.join(' '),
    digits.slice(digits.length - tail),
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/^\+ /, '+');
}
