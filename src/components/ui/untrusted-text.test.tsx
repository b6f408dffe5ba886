import { I18nProvider } from '@lingui/react';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/setup';
import { message } from '../../i18n/message';
import { boundMessage, displayString } from './display-text';
import { ProblemText } from './problem-text';
import { SLOT, UntrustedText, withSlot } from './untrusted-text';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function render(ui: ReactNode) {
  const i18n = createI18n('en');
  await act(async () => {
    root.render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
  });
  return container;
}

describe('UntrustedText', () => {
  it('a key may wrap after "." "_" "-" only: a <wbr> after each, the text unchanged', async () => {
    const el = await render(<UntrustedText text="customer.tier_level-name<b>" breakAfter="._-" />);
    const bdi = el.querySelector('bdi')!;
    expect(bdi.textContent).toBe('customer.tier_level-name<b>');
    expect(bdi.querySelectorAll('wbr')).toHaveLength(3);
    expect(bdi.querySelector('b')).toBeNull();
    expect(bdi.innerHTML).toBe('customer.<wbr>tier_<wbr>level-<wbr>name&lt;b&gt;');
  });

  it('a right-to-left override is shown, not obeyed: "\\u202egnp.exe" reads ⟨U+202E⟩gnp.exe, isolated', async () => {
    const el = await render(<UntrustedText text={'\u202egnp.exe'} />);
    const bdi = el.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.textContent).toBe('⟨U+202E⟩gnp.exe');
    expect(bdi.textContent).not.toContain('\u202e');
    expect(bdi.querySelector('.untrusted-escape')?.textContent).toBe('⟨U+202E⟩');
  });

  it('zero-width spaces, NULs and other controls are shown; names in other scripts and emoji stay as they are', async () => {
    const el = await render(
      <>
        <UntrustedText text={'Bob\u200bby\u0000'} />
        <UntrustedText text="محمد علي" />
        <UntrustedText text={'👩\u200d💻 Dana'} />
      </>,
    );
    const [a, b, c] = [...el.querySelectorAll('bdi')].map((x) => x.textContent);
    expect(a).toBe('Bob⟨U+200B⟩by⟨U+0000⟩');
    expect(b).toBe('محمد علي');
    expect(c).toBe('👩\u200d💻 Dana');
  });

  it('a 5,000-character value shows 200 and carries the rest in its title', async () => {
    const name = 'N'.repeat(5000);
    const el = await render(<UntrustedText text={name} />);
    const bdi = el.querySelector('bdi')!;
    expect(bdi.textContent).toBe(`${'N'.repeat(200)}…`);
    expect(bdi.title).toBe(name);
    expect(el.querySelector('button')).toBeNull();
  });

  it('expandable: "Show all" reveals the whole value and "Show less" cuts it again', async () => {
    const name = 'N'.repeat(5000);
    const el = await render(<UntrustedText text={name} expandable max={50} />);
    const button = el.querySelector('button')!;
    expect(button.textContent).toBe('Show all (5,000 characters)');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(el.querySelector('bdi')!.id);
    await act(async () => button.click());
    expect(el.querySelector('bdi')!.textContent).toBe(name);
    expect(button.textContent).toBe('Show less');
    await act(async () => button.click());
    expect(el.querySelector('bdi')!.textContent).toHaveLength(51);
  });

  it('a short value has no title and no button', async () => {
    const el = await render(<UntrustedText text="Casey Caller" expandable />);
    expect(el.querySelector('bdi')!.hasAttribute('title')).toBe(false);
    expect(el.querySelector('button')).toBeNull();
  });

  it('withSlot puts the isolated value inside a message, whose own words stay plain', async () => {
    const message = `${SLOT} (you)`;
    const el = await render(<p>{withSlot(message, <UntrustedText text={'\u202eAlice'} />)}</p>);
    expect(el.querySelector('p')!.textContent).toBe('⟨U+202E⟩Alice (you)');
    expect(el.querySelector('p > bdi')).not.toBeNull();
  });

  it('displayString is what attributes carry', () => {
    expect(displayString('\u202egnp.exe')).toBe('⟨U+202E⟩gnp.exe');
    expect(displayString('x'.repeat(10), { max: 4 })).toBe('xxxx…');
  });
});

describe('messages carried from non-React code', () => {
  it('boundMessage shows each text value as the screen does; numbers stay numbers', () => {
    expect(
      boundMessage({ id: 'announce.newCallFrom', values: { caller: '\u202egnp.exe', n: 3 } }),
    ).toEqual({ id: 'announce.newCallFrom', values: { caller: '⟨U+202E⟩gnp.exe', n: 3 } });
    expect(boundMessage({ id: 'x', values: { v: 'y'.repeat(300) } }).values?.v).toBe(
      `${'y'.repeat(200)}…`,
    );
  });

  it('a problem’s detail from the server and its reference are shown escaped and bounded', async () => {
    const el = await render(
      <ProblemText
        problem={{
          reason: message('error.invalid', { detail: '\u202edetail' }),
          reference: '\u200bref',
        }}
      />,
    );
    expect(el.textContent).toContain('⟨U+202E⟩detail');
    expect(el.textContent).toContain('⟨U+200B⟩ref');
    expect(el.textContent).not.toMatch(/[\u202e\u200b]/);
  });
});
