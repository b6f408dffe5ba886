import { describe, expect, it } from 'vitest';
import { signInRefusalOutlived } from './sign-in-refusal';

describe('signInRefusalOutlived', () => {
  it('holds while the refused sign-in is in use, or none is', () => {
    expect(signInRefusalOutlived(1000, 1000)).toBe(false);
    expect(signInRefusalOutlived(1000, undefined)).toBe(false);
    expect(signInRefusalOutlived(undefined, undefined)).toBe(false);
  });

  it('ends once another sign-in is in use', () => {
    expect(signInRefusalOutlived(1000, 5000)).toBe(true);
    // Refused before any expiry was known: any sign-in since outlives it.
    expect(signInRefusalOutlived(undefined, 5000)).toBe(true);
  });
});
