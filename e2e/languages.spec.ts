import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  ALICE,
  expect,
  expectNoAxeViolations,
  SAM,
  signIn,
  test,
  wrappedButtonLabels,
} from './fixtures';

/**
 * The panel in each language chosen by `gcLangTag` (issue 12): English at start, the agent's
 * language a moment later, feature panels (call data, playback, audit, supervisor view) in the
 * same language, dates and numbers in its format, and axe clean in light and dark.
 */

const LANGUAGES = {
  de: {
    tag: 'de-DE',
    live: /Verbindung: Live/,
    mute: 'Stumm',
    hold: 'Halten',
    mutedByYou: 'Stumm (Sie)',
    heldByYou: 'Gehalten (Sie)',
    /** 24-hour clock, no AM/PM. */
    unmutedOutside: /^Stummschaltung außerhalb dieses Panels um \d{1,2}:\d{2}:\d{2} aufgehoben$/,
    callData: 'Anrufdaten des Kunden',
    keyCount: '3 Schlüssel',
    balance: '12.345,5',
    lastContact: '02.10.2026',
    yes: 'Ja',
    playback: 'Ansage für den Anrufer',
    search: 'Ansagen suchen',
    playTo: 'Dem Anrufer vorspielen',
    completed: 'Wiedergabe beendet: Die Ansage wurde bis zum Ende abgespielt.',
    audit: 'Protokoll',
    auditTable: 'Protokoll, neueste zuerst',
    rate: '100 %',
    supervisorTitle: 'Live-Anrufe',
    grid: 'Live-Anrufe in den gewählten Warteschlangen',
    connected: 'Verbunden',
    shown: '3 Anrufe von 3 angezeigt',
  },
  es: {
    tag: 'es-ES',
    live: /Conexión: En línea/,
    mute: 'Silenciar',
    hold: 'Espera',
    mutedByYou: 'Silenciado (usted)',
    heldByYou: 'En espera (usted)',
    unmutedOutside: /^Silencio quitado fuera de este panel \(\d{1,2}:\d{2}:\d{2}\)$/,
    callData: 'Datos de la llamada del cliente',
    keyCount: '3 claves',
    balance: '12.345,5',
    lastContact: '2 oct 2026',
    yes: 'Sí',
    playback: 'Mensaje para el llamante',
    search: 'Buscar mensajes',
    playTo: 'Reproducir al llamante',
    completed: 'Reproducción terminada: el mensaje se reprodujo hasta el final.',
    audit: 'Registro de auditoría',
    auditTable: 'Registro de auditoría, lo más reciente primero',
    rate: '100 %',
    supervisorTitle: 'Llamadas en curso',
    grid: 'Llamadas en curso en las colas elegidas',
    connected: 'Conectada',
    shown: '3 llamadas mostradas de 3',
  },
} as const;

type Language = (typeof LANGUAGES)[keyof typeof LANGUAGES];

const widgetRoot = (page: Page) => page.locator('[data-widget-root]');

/** Alice signed in with `gcLangTag`, on a call whose customer carries typed call data. */
async function aliceInLanguage(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  lang: Language,
  extra = '',
) {
  await signIn(page, widgetUrl, ALICE.email, `?gcLangTag=${lang.tag}${extra}`, lang.live);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
    attributes: { balance: 'number:12345.5', lastContact: 'date:2026-10-02', vip: 'checkbox:true' },
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: lang.mute, exact: true })).toBeEnabled();
  return { conversationId: call.conversationId, agentId: call.agentParticipantId! };
}

/** Sam's supervisor view in `lang`, watching Support with three calls on it. */
async function samInLanguage(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  lang: Language,
  extra = '',
) {
  await control.createCalls({ count: 3, queue: 'Support' });
  await signIn(
    page,
    widgetUrl,
    SAM.email,
    `?view=supervisor&gcLangTag=${lang.tag}${extra}`,
    lang.live,
  );
  await expect(page.getByRole('heading', { name: lang.supervisorTitle, level: 2 })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Support' }).check();
  const grid = page.getByRole('grid', { name: lang.grid });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
  return grid;
}

/** Mutes (an audit entry), then opens the playback panel and the audit trail under the call. */
async function openPlaybackAndAudit(page: Page, lang: Language) {
  await page.getByRole('button', { name: lang.mute, exact: true }).click();
  await expect(page.getByTestId('mute-status')).toHaveText(lang.mutedByYou);
  await page.getByRole('button', { name: lang.playback }).click();
  await expect(page.getByRole('searchbox', { name: lang.search })).toBeVisible();
  await page.getByRole('button', { name: lang.audit }).click();
  await expect(page.getByRole('table', { name: lang.auditTable })).toBeVisible();
}

for (const [code, lang] of Object.entries(LANGUAGES)) {
  test.describe(`${code} (gcLangTag=${lang.tag})`, () => {
    test('the call panel and its controls read in the language; a mute sent from it, a time in its format', async ({
      page,
      widgetUrl,
      control,
    }) => {
      const { conversationId, agentId } = await aliceInLanguage(page, widgetUrl, control, lang);
      await expect(widgetRoot(page)).toHaveAttribute('lang', code);
      await expect(page.getByRole('button', { name: lang.hold, exact: true })).toBeEnabled();

      await page.getByRole('button', { name: lang.mute, exact: true }).click();
      await expect(page.getByTestId('mute-status')).toHaveText(lang.mutedByYou);
      expect((await control.participant(conversationId, 'agent')).muted).toBe(true);

      await control.setParticipant(conversationId, agentId, { muted: false, actor: 'genesys-ui' });
      await expect(page.getByTestId('mute-status')).toHaveText(lang.unmutedOutside);
    });

    test('call data reads in the language, numbers and dates in its format', async ({
      page,
      widgetUrl,
      control,
    }) => {
      const { conversationId } = await aliceInLanguage(page, widgetUrl, control, lang);
      const panel = page.getByTestId('call-data');
      await expect(panel.getByRole('table', { name: lang.callData })).toBeVisible();
      await expect(panel.getByTestId('call-data-count')).toHaveText(lang.keyCount);
      await expect(panel.locator('tr[data-key="balance"]')).toContainText(lang.balance);
      await expect(panel.locator('tr[data-key="lastContact"]')).toContainText(lang.lastContact);
      await expect(panel.locator('tr[data-key="vip"]')).toContainText(lang.yes);
      const customer = await control.participant(conversationId, 'customer');
      expect(customer.attributes).toMatchObject({ balance: 'number:12345.5' });
    });

    test('playback and the audit trail read in the language', async ({
      page,
      widgetUrl,
      control,
    }) => {
      const { conversationId } = await aliceInLanguage(page, widgetUrl, control, lang);
      await page.getByRole('button', { name: lang.playback }).click();
      await page.getByRole('searchbox', { name: lang.search }).fill('Hold please');
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: lang.playTo }).click();
      await expect(page.getByTestId('playback-status').getByRole('status')).toHaveText(
        lang.completed,
        { timeout: 6000 },
      );
      await page.getByRole('button', { name: lang.audit }).click();
      await expect(page.getByRole('table', { name: lang.auditTable })).toBeVisible();
      await expect(page.getByTestId('completion-rate')).toHaveText(lang.rate);
      const { sessions } = await control.playback();
      expect(sessions).toMatchObject([{ conversationId, state: 'COMPLETED' }]);
    });

    test('the supervisor view reads in the language', async ({ page, widgetUrl, control }) => {
      const grid = await samInLanguage(page, widgetUrl, control, lang);
      await expect(widgetRoot(page)).toHaveAttribute('lang', code);
      await expect(grid.locator('[role="row"][data-conversation-id]')).toHaveCount(3);
      for (const row of await grid.locator('[role="row"][data-conversation-id]').all())
        await expect(row).toContainText(lang.connected);
      await expect(page.getByText(lang.shown)).toBeVisible();
      const state = await control.state();
      const supportId = state.queues.find((q) => q.name === 'Support')!.id;
      const live = state.conversations.filter(
        (c) => !c.ended && c.participants.some((p) => p.queue?.id === supportId),
      );
      expect(live).toHaveLength(3);
    });

    test('at 320 px the longer words fit: no horizontal overflow, the toggles keep their size', async ({
      page,
      widgetUrl,
      control,
    }, testInfo) => {
      await page.setViewportSize({ width: 320, height: 900 });
      await aliceInLanguage(page, widgetUrl, control, lang);
      const mute = page.getByRole('button', { name: lang.mute, exact: true });
      const size = async () => {
        const box = (await mute.boundingBox())!;
        return { x: box.x, width: box.width, height: box.height };
      };
      const before = await size();
      await openPlaybackAndAudit(page, lang);
      await page.getByRole('button', { name: lang.hold, exact: true }).click();
      await expect(page.getByTestId('hold-status')).toHaveText(lang.heldByYou);
      expect(await size()).toEqual(before);
      // The agent's own changes read in full, not cut to an ellipsis.
      for (const id of ['mute-status', 'hold-status'])
        expect(
          await page.getByTestId(id).evaluate((el) => el.scrollWidth <= el.clientWidth),
          id,
        ).toBe(true);
      // No button's label breaks onto a second line (a wrapped label moves the click target).
      expect(await wrappedButtonLabels(page)).toEqual([]);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
      await testInfo.attach(`${code}-320.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`${theme}: the agent panel with call data, playback and audit open is axe clean`, async ({
        page,
        widgetUrl,
        control,
      }) => {
        await page.emulateMedia({ colorScheme: theme });
        await aliceInLanguage(page, widgetUrl, control, lang, `&theme=${theme}`);
        await expect(widgetRoot(page)).toHaveAttribute('data-theme', theme);
        await expect(page.getByTestId('call-data').getByRole('table')).toBeVisible();
        await openPlaybackAndAudit(page, lang);
        await expectNoAxeViolations(page);
      });

      test(`${theme}: the supervisor view is axe clean`, async ({ page, widgetUrl, control }) => {
        await page.emulateMedia({ colorScheme: theme });
        await samInLanguage(page, widgetUrl, control, lang, `&theme=${theme}`);
        await expect(widgetRoot(page)).toHaveAttribute('data-theme', theme);
        await expectNoAxeViolations(page);
      });
    }
  });
}

test('a language without a catalogue (gcLangTag=fr-FR) falls back to English', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl, ALICE.email, '?gcLangTag=fr-FR');
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toBeEnabled();
  await expect(widgetRoot(page)).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Call data', level: 3 })).toBeVisible();
  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(call.conversationId, 'agent')).muted).toBe(true);
});
