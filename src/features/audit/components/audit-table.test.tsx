import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../../../testing/render-ui';
import type { AuditRow } from '../audit-rows';
import { CATALOG } from '../text';
import { AuditTable } from './audit-table';

/** Reads "exe.png" when a right-to-left override is obeyed. */
const SPOOF = '\u202egnp.exe';

const row = (over: Partial<AuditRow>): AuditRow => ({
  seq: 1,
  iso: '2026-01-01T10:00:00.000Z',
  at: Date.parse('2026-01-01T10:00:00.000Z'),
  conversationId: 'c1',
  actor: 'Outside this panel',
  party: 'Customer',
  event: 'Call data changed',
  detail: 'note',
  from: '',
  to: '',
  ...over,
});

let unmount = () => undefined as void;
afterEach(() => unmount());

async function table(rows: AuditRow[]) {
  const ui = await renderUi(<AuditTable rows={rows} />, { catalog: CATALOG });
  unmount = ui.unmount;
  return ui.container;
}

describe('the audit table shows call data and flow values as untrusted text', () => {
  it('a right-to-left override in a key, an old or a new value is shown, isolated, never obeyed', async () => {
    const el = await table([row({ detail: SPOOF, from: SPOOF, to: `x${SPOOF}` })]);
    const cells = el.querySelectorAll('tbody td');
    const detail = cells[2]!.querySelector('.audit-detail');
    expect(detail?.querySelector('bdi')?.textContent).toBe('⟨U+202E⟩gnp.exe');
    expect(detail?.getAttribute('title')).toBe('⟨U+202E⟩gnp.exe');
    const values = [...cells[3]!.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(values).toEqual(['⟨U+202E⟩gnp.exe', 'x⟨U+202E⟩gnp.exe']);
    expect(cells[3]!.textContent).toBe('⟨U+202E⟩gnp.exe → x⟨U+202E⟩gnp.exe');
    for (const bdi of el.querySelectorAll('bdi')) expect(bdi.getAttribute('dir')).toBe('auto');
    expect(el.textContent).not.toContain('\u202e');
  });

  it('a flow’s odd reason in the event, and a 5,000-character value, are bounded', async () => {
    const long = 'v'.repeat(5000);
    const el = await table([row({ event: `Playback ended: \u200bodd${SPOOF}`, to: long })]);
    const event = el.querySelector('tbody .audit-event')!;
    expect(event.tagName).toBe('BDI');
    expect(event.textContent).toBe('Playback ended: ⟨U+200B⟩odd⟨U+202E⟩gnp.exe');
    const value = el.querySelector('tbody .audit-change bdi')!;
    expect(value.textContent).toBe(`${'v'.repeat(200)}…`);
    expect(value.getAttribute('title')).toBe(long);
  });

  it('an empty side reads "none", in our words', async () => {
    const el = await table([row({ to: 'vip' })]);
    expect(el.querySelector('tbody .audit-change')!.textContent).toMatch(/^\S.* → vip$/);
    expect(el.querySelectorAll('tbody .audit-change bdi')).toHaveLength(1);
  });
});
