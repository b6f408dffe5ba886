import type { I18n } from '@lingui/core';
import { describe, expect, it, vi } from 'vitest';
import { formatLocale, pickLocale } from './pick-locale';
import { createI18n } from './setup';

const switched = (i18n: I18n, locale: string) => vi.waitFor(() => expect(i18n.locale).toBe(locale));

describe('pickLocale', () => {
  it.each([
    ['de-AT', 'de'],
    ['de-DE', 'de'],
    ['DE', 'de'],
    ['es-419', 'es'],
    ['es-ES', 'es'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['fr-CA', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });

  it('takes the first tag it can serve', () => {
    expect(pickLocale(undefined, 'es-MX', 'de')).toBe('es');
    expect(pickLocale('fr', 'de-CH')).toBe('de');
  });
});

describe('formatLocale', () => {
  it('keeps the agent’s region for the chosen language, else uses the language', () => {
    expect(formatLocale('es', 'es-419')).toBe('es-419');
    expect(formatLocale('de', 'de-at')).toBe('de-AT');
    expect(formatLocale('en', 'fr-FR')).toBe('en');
    expect(formatLocale('de', undefined)).toBe('de');
  });
});

describe('createI18n', () => {
  it('starts in English and switches to German once its catalogue has loaded', async () => {
    const i18n = createI18n('de-DE');
    expect(i18n.locale).toBe('en');
    expect(i18n._('controls.mute')).toBe('Mute');
    await switched(i18n, 'de');
    expect(i18n._('controls.mute')).toBe('Stumm');
    expect(i18n._('controls.hold')).toBe('Halten');
    expect(i18n.locales).toBe('de-DE');
  });

  it('switches to Spanish from a Latin American tag, with its plural forms', async () => {
    const i18n = createI18n('es-419');
    await switched(i18n, 'es');
    expect(i18n._('controls.mute')).toBe('Silenciar');
    expect(i18n._('participants.summary', { count: 1 })).toBe('1 participante');
    expect(i18n._('participants.summary', { count: 3 })).toBe('3 participantes');
    // Spanish's "many" (a million): formatted for the region (es-419 groups with commas).
    expect(i18n._('participants.summary', { count: 1_000_000 })).toBe('1,000,000 participantes');
  });

  it('formats numbers in messages for the tag’s region', async () => {
    const spain = createI18n('es-ES');
    const germany = createI18n('de-DE');
    await switched(spain, 'es');
    await switched(germany, 'de');
    expect(germany._('health.attempt', { attempt: 12345, wait: 0 })).toBe('Versuch 12.345');
    expect(spain._('health.attempt', { attempt: 12345, wait: 0 })).toBe('intento 12.345');
  });

  it('stays in English for a language without a catalogue', async () => {
    const i18n = createI18n('fr-FR');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(i18n.locale).toBe('en');
    expect(i18n.locales).toBe('en');
    expect(i18n._('controls.mute')).toBe('Mute');
  });

  it('keeps each instance’s catalogues apart (one widget’s language never leaks)', async () => {
    const german = createI18n('de');
    const english = createI18n('en');
    await switched(german, 'de');
    german.load('en', { 'test.only': 'only in the German instance' });
    expect(english._('test.only')).toBe('test.only');
    expect(createI18n('en')._('test.only')).toBe('test.only');
  });
});
