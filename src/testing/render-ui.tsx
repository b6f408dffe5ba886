import { I18nProvider } from '@lingui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, Suspense, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createI18n } from '../i18n/setup';
import { useCatalog, type CatalogLoaders } from '../i18n/use-catalog';
import { ServicesProvider, type WidgetServices } from '../services/widget-services';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function WithCatalog({ catalog, children }: { catalog: CatalogLoaders; children: ReactNode }) {
  useCatalog(catalog);
  return <>{children}</>;
}

/**
 * Renders a feature's component in English with its catalogue, a query client and the services
 * it reads (only those parts: the rest of `WidgetServices` is absent), for component tests.
 * Call `unmount` after each test.
 */
export async function renderUi(
  ui: ReactNode,
  options: { catalog: CatalogLoaders; services?: Partial<WidgetServices> },
): Promise<{
  container: HTMLElement;
  unmount(): void;
  /** Lets queries and lazy catalogues settle until `check` gives a value (or fails after 100 turns). */
  until<T>(check: () => T | undefined): Promise<T>;
}> {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const services = options.services ?? {};
  const settle = () =>
    act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  const until = async <T,>(check: () => T | undefined): Promise<T> => {
    for (let turn = 0; turn < 100; turn += 1) {
      const value = check();
      if (value !== undefined) return value;
      await settle();
    }
    throw new Error('The rendered component never reached the state the test waits for.');
  };
  await act(async () => {
    root.render(
      <I18nProvider i18n={createI18n('en')}>
        <QueryClientProvider client={queryClient}>
          <ServicesProvider services={services as WidgetServices}>
            <Suspense fallback={null}>
              <WithCatalog catalog={options.catalog}>{ui}</WithCatalog>
            </Suspense>
          </ServicesProvider>
        </QueryClientProvider>
      </I18nProvider>,
    );
  });
  // The feature's catalogue loads first (the Suspense fallback renders nothing meanwhile).
  await until(() => (container.childNodes.length > 0 ? true : undefined));
  return {
    container,
    until,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      queryClient.clear();
    },
  };
}
