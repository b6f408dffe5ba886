import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { CATALOG as audit } from '../features/audit/text';
import { CATALOG as callData } from '../features/call-data/messages';
import { CATALOG as playback } from '../features/playback/text';
import { CATALOG as setup } from '../features/setup/text';
import { CATALOG as supervisor } from '../features/supervisor/text';
import type { CatalogLoaders } from '../i18n/catalogs';
import { LOCALES, type Locale } from '../i18n/pick-locale';

/**
 * Every catalogue (core and each feature's) in every language: the same keys as English, ICU
 * that compiles, the same placeholders and select cases, the plural categories each language
 * needs, and the typography the English keeps (no straight quotes: in ICU an apostrophe also
 * escapes syntax). Then each feature's loaders: one per language, each giving that file.
 */

type Catalogue = Record<string, string>;

const files = {
  ...import.meta.glob<Catalogue>('../i18n/locales/*/core.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Catalogue>('../features/*/locales/*.json', {
    eager: true,
    import: 'default',
  }),
};

/** catalogue name ('core', 'audit', …) → language → messages. */
const catalogues = new Map<string, Map<string, Catalogue>>();
for (const [path, messages] of Object.entries(files)) {
  const core = /\/locales\/([^/]+)\/core\.json$/.exec(path);
  const feature = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
  const [name, locale] = core ? ['core', core[1]!] : [feature![1]!, feature![2]!];
  if (!catalogues.has(name)) catalogues.set(name, new Map());
  catalogues.get(name)!.set(locale, messages);
}

const english = (name: string) => catalogues.get(name)!.get('en')!;
const translations = [...catalogues].flatMap(([name, byLocale]) =>
  [...byLocale.keys()].filter((l) => l !== 'en').map((locale) => [name, locale] as const),
);
const everyMessage = [...catalogues].flatMap(([name, byLocale]) =>
  [...byLocale].flatMap(([locale, messages]) =>
    Object.entries(messages).map(([id, text]) => ({ name, locale, id, text })),
  ),
);

interface Shape {
  /** `name:type` of every argument (type '' for a plain `{x}`). */
  args: Set<string>;
  /** select argument → its case keys. */
  selects: Map<string, string[]>;
  /** each plural's case keys. */
  plurals: { arg: string; keys: string[] }[];
}

function shapeOf(text: string): Shape {
  const shape: Shape = { args: new Set(), selects: new Map(), plurals: [] };
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, type = '', format] = token;
      shape.args.add(`${name}:${type}`);
      if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') continue;
      const cases = Object.entries(format as Record<string, CompiledMessage | undefined>).filter(
        ([key, value]) => key !== 'offset' && value !== undefined,
      );
      const keys = cases.map(([key]) => key).sort();
      if (type === 'select') shape.selects.set(name, keys);
      else shape.plurals.push({ arg: name, keys });
      for (const [, value] of cases) walk(value!);
    }
  };
  walk(compileMessageOrThrow(text));
  return shape;
}

const categories = (locale: string) =>
  new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];

describe('message catalogues', () => {
  it('are found: core and every feature that has one, each in every language', () => {
    expect([...catalogues.keys()]).toEqual(
      expect.arrayContaining(['core', 'audit', 'call-data', 'playback', 'setup', 'supervisor']),
    );
    for (const [, byLocale] of catalogues)
      expect([...byLocale.keys()].sort()).toEqual([...LOCALES].sort());
  });

  it.each(translations)('%s/%s has exactly the English keys', (name, locale) => {
    const keys = Object.keys(catalogues.get(name)!.get(locale)!).sort();
    expect(keys).toEqual(Object.keys(english(name)).sort());
  });

  it('every message compiles as ICU', () => {
    const broken = everyMessage.filter(({ text }) => {
      try {
        compileMessageOrThrow(text);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((m) => `${m.locale} ${m.id}`)).toEqual([]);
  });

  it.each(translations)(
    '%s/%s uses the English placeholders, formats and select cases',
    (name, locale) => {
      const source = english(name);
      const target = catalogues.get(name)!.get(locale)!;
      for (const [id, text] of Object.entries(target)) {
        const theirs = shapeOf(source[id] ?? '');
        const ours = shapeOf(text);
        expect([...ours.args].sort(), `${locale} ${id}`).toEqual([...theirs.args].sort());
        expect(Object.fromEntries(ours.selects), `${locale} ${id}`).toEqual(
          Object.fromEntries(theirs.selects),
        );
      }
    },
  );

  it('every plural gives each category its language uses, and none it does not', () => {
    const wrong: string[] = [];
    for (const { locale, id, text } of everyMessage) {
      const needed = categories(locale);
      for (const { arg, keys } of shapeOf(text).plurals) {
        const named = keys.filter((k) => !/^\d+$/.test(k));
        const missing = needed.filter((c) => !named.includes(c));
        const extra = named.filter((k) => !needed.includes(k));
        if (missing.length || extra.length)
          wrong.push(`${locale} ${id} {${arg}}: missing ${missing} extra ${extra}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps typographic quotes and apostrophes (no straight ones, which ICU would eat)', () => {
    const straight = everyMessage.filter(({ text }) => /['"]/.test(text));
    expect(straight.map((m) => `${m.locale} ${m.id}: ${m.text}`)).toEqual([]);
  });

  it.each(translations)('%s/%s keeps the product names', (name, locale) => {
    const target = catalogues.get(name)!.get(locale)!;
    for (const [id, text] of Object.entries(english(name)))
      for (const product of ['Genesys Cloud', 'Live Call Panel', 'Play Prompt', 'CRM'])
        if (text.includes(product)) expect(target[id], `${locale} ${id}`).toContain(product);
  });
});

describe('feature catalogue loaders', () => {
  const loaders: Record<string, CatalogLoaders> = {
    audit,
    'call-data': callData,
    playback,
    setup,
    supervisor,
  };

  it('exist for every feature with a catalogue', () => {
    expect(Object.keys(loaders).sort()).toEqual(
      [...catalogues.keys()].filter((n) => n !== 'core').sort(),
    );
  });

  it.each(Object.keys(loaders))('%s: one loader per language, each its own file', async (name) => {
    const catalog = loaders[name]!;
    expect(Object.keys(catalog).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      const messages = await catalog[locale as Locale]!();
      const file = catalogues.get(name)!.get(locale)!;
      expect(Object.keys(messages).sort(), `${name} ${locale}`).toEqual(Object.keys(file).sort());
      // Messages without arguments compile to their text: this language's, not another's.
      for (const [id, text] of Object.entries(file))
        if (!text.includes('{')) expect([messages[id]].flat(), `${locale} ${id}`).toEqual([text]);
    }
  });
});
