import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNumber } from './mask-number';

describe('maskNumber', () => {
  it('keeps the country code and the last four digits', () => {
    expect(maskNumber('tel:+13175550142')).toBe('+1 ••• ••• 0142');
    expect(maskNumber('sip:+61416275769@10.47.1.31;user=phone')).toBe('+61 ••• •• 5769');
    expect(maskNumber('+4915123456789')).toBe('+49 ••• ••• • 6789');
    expect(maskNumber('3175550142')).toBe('••• ••• 0142');
    // Too short to keep the country code and still hide five digits.
    expect(maskNumber('tel:+445551234')).toBe('+••• •• 1234');
  });

  it('hides all but two digits of short numbers and everything of tiny ones', () => {
    expect(maskNumber('tel:+12345')).toBe('+••• 45');
    expect(maskNumber('4321')).toBe('•• 21');
    expect(maskNumber('tel:911')).toBe('•••');
  });

  it('gives nothing for addresses that are not numbers', () => {
    expect(maskNumber(undefined)).toBeUndefined();
    expect(maskNumber('')).toBeUndefined();
    expect(maskNumber('sip:4f3a@trunk.orgspan.com;tgrp=x')).toBeUndefined();
    expect(maskNumber('Anonymous')).toBeUndefined();
  });

  it('never shows more than half of the digits, and never changes the count of digits', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{2,14}$/), (plus, digits) => {
        const masked = maskNumber(`tel:${plus ? '+' : ''}${digits}`)!;
        const shown = masked.replace(/[^0-9]/g, '');
        const bullets = masked.replace(/[^•]/g, '');
        expect(shown.length + bullets.length).toBe(digits.length);
        expect(shown.length).toBeLessThanOrEqual(Math.ceil(digits.length / 2));
        expect(bullets.length).toBeGreaterThanOrEqual(Math.min(5, Math.ceil(digits.length / 2)));
        expect(digits.endsWith(shown.slice(-Math.min(shown.length, 2)))).toBe(true);
      }),
    );
  });
});
