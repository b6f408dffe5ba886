import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './copy-text';

afterEach(() => vi.unstubAllGlobals());

describe('copyText', () => {
  it('uses the Clipboard API when it is allowed', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await copyText('CS-1')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('CS-1');
  });

  it('falls back to selecting and copying when the Clipboard API is refused, and keeps focus', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const copied: string[] = [];
    const exec = vi.fn((command: string) => {
      const area = document.querySelector('textarea');
      copied.push(`${command}:${area?.value ?? ''}:${document.activeElement === area}`);
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    expect(await copyText('<script>x</script>')).toBe(true);
    expect(copied).toEqual(['copy:<script>x</script>:true']);
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('says so when neither works', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    expect(await copyText('x')).toBe(false);
  });
});
