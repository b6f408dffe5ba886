import type { Locator, Page } from '@playwright/test';
import { ALICE, expect, signIn, startCall, test } from './fixtures';

/** Reads "exe.png" when a right-to-left override is obeyed. */
const SPOOF = '\u202egnp.exe';
const LONG_NAME = 'N'.repeat(5000);
const CALLS_TOPIC = `v2.users.${ALICE.id}.conversations.calls`;

/**
 * Where each character of `text` is drawn (left edges, in the string's order), inside the
 * element of `locator`: increasing when the text reads left to right as stored.
 */
function glyphLefts(locator: Locator, text: string): Promise<number[]> {
  return locator.evaluate((element, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in "${whole}"`);
    const lefts: number[] = [];
    let base = 0;
    for (const node of nodes) {
      for (let i = 0; i < node.data.length; i += 1) {
        const index = base + i;
        if (index < at || index >= at + wanted.length) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        lefts.push(range.getBoundingClientRect().left);
      }
      base += node.data.length;
    }
    return lefts;
  }, text);
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

/** The newest calls-topic event body the page received for a conversation. */
function lastCallEvents(page: Page) {
  const bodies = new Map<string, Record<string, unknown>>();
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const frame = JSON.parse(payload) as { topicName?: string; eventBody?: { id?: string } };
      if (frame.topicName === CALLS_TOPIC && frame.eventBody?.id)
        bodies.set(frame.eventBody.id, frame.eventBody as Record<string, unknown>);
    }),
  );
  return bodies;
}

const cardHeight = (page: Page) =>
  page
    .locator('.call-card')
    .first()
    .evaluate((card) => card.getBoundingClientRect().height);

test('a right-to-left override in a caller’s name or call data is shown, never obeyed: "\\u202egnp.exe" never reads "exe.png"', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  await startCall(control, {
    customerName: SPOOF,
    ani: 'tel:+15550100200',
    attributes: { attachment: SPOOF },
  });
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('⟨U+202E⟩gnp.exe');
  expect(increasing(await glyphLefts(heading, 'gnp.exe'))).toBe(true);

  await page.getByRole('button', { name: /\d participants/ }).click();
  const caller = page.locator('.participant-name').filter({ hasText: 'gnp.exe' });
  await expect(caller).toHaveText('⟨U+202E⟩gnp.exe');
  expect(increasing(await glyphLefts(caller, 'gnp.exe'))).toBe(true);

  const value = page.getByTestId('call-data').locator('tr[data-key="attachment"] td').first();
  await expect(value).toHaveText('⟨U+202E⟩gnp.exe');
  expect(increasing(await glyphLefts(value, 'gnp.exe'))).toBe(true);
  // Nothing on the page holds the override itself.
  expect(await page.locator('body').innerText()).not.toContain('\u202e');
});

test('a 5,000-character name is clamped in the participant list: the card keeps its height, the whole name is one click away', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.setViewportSize({ width: 400, height: 1000 });
  const events = lastCallEvents(page);
  await signIn(page, widgetUrl);
  const { conversationId } = await startCall(control, {
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
  });
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('Casey Caller');
  await page.getByRole('button', { name: /\d participants/ }).click();
  const caller = page.locator('.participant-name').first();
  await expect(caller).toHaveText('Casey Caller');
  const before = await cardHeight(page);

  // The same call as the platform sends it, with a 5,000-character caller name (the control
  // plane's calls take at most 200, so the snapshot goes out over the socket as it is).
  const body = structuredClone(events.get(conversationId)!);
  const participants = body.participants as { purpose: string; name?: string }[];
  participants.find((p) => p.purpose === 'customer')!.name = LONG_NAME;
  await control.emit({ topicName: CALLS_TOPIC, eventBody: body }, ALICE.email);

  const shown = caller.locator('bdi');
  await expect(shown).toHaveText(`${'N'.repeat(200)}…`);
  await expect(heading).toHaveText(`${'N'.repeat(200)}…`);
  await expect(heading).toHaveAttribute('title', LONG_NAME);
  const after = await cardHeight(page);
  // Unclamped, the name alone grew this card by over 2,300 px; 200 characters wrap to a few lines.
  expect(after - before).toBeLessThan(200);

  await caller.getByRole('button', { name: 'Show all (5,000 characters)' }).click();
  await expect(shown).toHaveText(LONG_NAME);
  await caller.getByRole('button', { name: 'Show less' }).click();
  await expect(shown).toHaveText(`${'N'.repeat(200)}…`);
  expect(await cardHeight(page)).toBe(after);
});

test('oversized call data from elsewhere: a 30,000-character value shows its start with Show all, a 256-character key is cut with the whole key in its title', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.setViewportSize({ width: 400, height: 1000 });
  const longKey = 'k'.repeat(256);
  const longValue = 'v'.repeat(30_000);
  await signIn(page, widgetUrl);
  await startCall(control, {
    customerName: 'Casey Caller',
    attributes: { [longKey]: 'short', note: longValue },
  });
  const table = page
    .getByTestId('call-data')
    .getByRole('table', { name: 'Call data of the customer' });
  const note = table.locator('tr[data-key="note"]');
  await expect(note.locator('td').first()).toContainText(`${'v'.repeat(60)}…`);
  const noteHeight = await note.evaluate((row) => row.getBoundingClientRect().height);
  expect(noteHeight).toBeLessThan(120);
  const key = table.locator(`tr[data-key="${longKey}"] .call-data-key`);
  await expect(key).toHaveText(`${'k'.repeat(80)}…`);
  await expect(key).toHaveAttribute('title', longKey);
  await note.getByRole('button', { name: 'Show all' }).click();
  await expect(note.locator('td').first()).toContainText(longValue);
  await note.getByRole('button', { name: 'Show less' }).click();
  await expect(note.locator('td').first()).not.toContainText('v'.repeat(61));
});
