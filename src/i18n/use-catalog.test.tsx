import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { act, Suspense, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogLoad, type CatalogLoaders } from './catalogs';
import { createI18n, switchTo } from './setup';
import { useCatalog } from './use-catalog';
import { useT } from './use-t';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const EN: Messages = { 'test.greeting': 'Hello', 'test.onlyEnglish': 'Only in English' };
const DE: Messages = { 'test.greeting': 'Hallo' };

let container: HTMLDivElement;
let root: Root;
let fallbacks: number;

/** A feature's loaders, counting calls. */
function featureCatalog() {
  const calls = { en: 0, de: 0 };
  const loaders: CatalogLoaders = {
    en: async () => {
      calls.en += 1;
      return EN;
    },
    de: async () => {
      calls.de += 1;
      return DE;
    },
  };
  return { loaders, calls };
}

function Panel({ loaders }: { loaders: CatalogLoaders }) {
  useCatalog(loaders);
  const t = useT<'test.greeting' | 'test.onlyEnglish' | 'controls.mute'>();
  return (
    <p>
      {t('test.greeting')} | {t('test.onlyEnglish')} | {t('controls.mute')}
    </p>
  );
}

function Fallback() {
  useLayoutEffect(() => {
    fallbacks += 1;
  });
  return <p>loading</p>;
}

async function render(i18n: I18n, loaders: CatalogLoaders) {
  await act(async () => {
    root.render(
      <I18nProvider i18n={i18n}>
        <Suspense fallback={<Fallback />}>
          <Panel loaders={loaders} />
        </Suspense>
      </I18nProvider>,
    );
  });
}

const text = () => container.textContent;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  fallbacks = 0;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('useCatalog', () => {
  it('a panel mounted in English switches with the language, without falling back', async () => {
    const feature = featureCatalog();
    const i18n = createI18n('en');
    await render(i18n, feature.loaders);
    expect(text()).toBe('Hello | Only in English | Mute');
    fallbacks = 0;

    await act(() => switchTo(i18n, 'de', 'de-DE'));

    expect(text()).toBe('Hallo | Only in English | Stumm');
    expect(feature.calls.de).toBe(1);
    expect(fallbacks).toBe(0);
  });

  it('the start-up switch (createI18n with a German tag) reaches a panel mounted meanwhile', async () => {
    const feature = featureCatalog();
    const i18n = createI18n('de-AT');
    await render(i18n, feature.loaders);
    await vi.waitFor(() => expect(text()).toBe('Hallo | Only in English | Stumm'));
    expect(i18n.locales).toBe('de-AT');
    expect(feature.calls.de).toBe(1);
  });

  it('a language activated without preloading suspends the panel and loads its catalogue', async () => {
    const feature = featureCatalog();
    const i18n = setupI18n();
    i18n.loadAndActivate({ locale: 'en', messages: { 'controls.mute': 'Mute' } });
    await render(i18n, feature.loaders);
    expect(feature.calls.de).toBe(0);

    await act(async () => {
      i18n.load('de', { 'controls.mute': 'Stumm' });
      i18n.activate('de');
    });

    await vi.waitFor(() => expect(text()).toBe('Hallo | Only in English | Stumm'));
    expect(feature.calls.de).toBe(1);
  });

  it('each catalogue loads once per language, however often the panel renders', async () => {
    const feature = featureCatalog();
    const i18n = createI18n('en');
    await render(i18n, feature.loaders);
    await render(i18n, feature.loaders);
    await act(() => switchTo(i18n, 'de', 'de'));
    await render(i18n, feature.loaders);
    expect(feature.calls).toEqual({ en: 2, de: 1 });
  });
});

describe('catalogLoad', () => {
  it('forgets a failed load, so the next render tries again', async () => {
    const i18n = createI18n('en');
    let fail = true;
    const loaders: CatalogLoaders = {
      en: async () => {
        if (fail) throw new Error('chunk failed');
        return EN;
      },
    };
    await expect(catalogLoad(i18n, loaders, 'en')).rejects.toThrow('chunk failed');
    fail = false;
    const again = catalogLoad(i18n, loaders, 'en');
    await again;
    expect(again.status).toBe('fulfilled');
    expect(i18n._('test.greeting')).toBe('Hello');
  });
});
