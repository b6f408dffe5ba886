import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-json';

/**
 * Message catalogues: JSON files of `id → ICU message`, compiled at build time by the Vite
 * plugin (`import { messages } from './en/core.json?lingui'`), so no message parser ships.
 * `core` holds the panel's own messages; each feature folder keeps its own catalogue, loaded
 * with its lazy chunk.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de', 'es'],
  fallbackLocales: { default: 'en' },
  format: formatter({ style: 'minimal' }),
  catalogs: [
    { path: '<rootDir>/src/i18n/locales/{locale}/core', include: [] },
    {
      path: '<rootDir>/src/features/{name}/locales/{locale}',
      include: ['<rootDir>/src/features/{name}/'],
    },
  ],
});
