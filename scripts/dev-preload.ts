import { init, parse } from 'es-module-lexer';
import type { Plugin, ViteDevServer } from 'vite';

/**
 * The first `npm start` page, fast (issue 21, point 5). In development Vite serves every module
 * on its own, so the browser finds the first screen's ~150 modules one import level at a time:
 * a waterfall of round trips, each paying for a transform on a cold server. This plugin, for
 * the dev server only:
 * - warms the server as soon as it listens: the entry's whole import graph, static and lazy
 *   (the lazy panels of the demo call), goes through the transform pipeline, which also makes
 *   Vite pre-bundle every dependency it meets;
 * - lists the first screen's modules (static imports only, so the lazy panels stay lazy) as
 *   `<link rel="modulepreload">` in the page, so the browser asks for all of them at once.
 * `startStack` awaits `warm()` before it prints the URL, so the first request meets a warm server.
 */
export const DEV_PRELOAD = 'lcp-dev-preload';

export interface DevPreloadApi {
  /** Crawls the graph once (later calls share the same crawl); resolves to the static modules. */
  warm(): Promise<string[]>;
}

interface Crawl {
  staticUrls: string[];
  lazyUrls: string[];
}

/** A module the dev server serves from its own origin (not a data: or remote import). */
const local = (specifier: string | undefined): specifier is string =>
  specifier !== undefined && specifier.startsWith('/') && !specifier.startsWith('//');

export async function crawlGraph(
  transform: (url: string) => Promise<{ code: string } | null>,
  entry: string,
): Promise<Crawl> {
  await init;
  const staticUrls = new Set<string>();
  const lazyUrls = new Set<string>();
  const visit = async (url: string, lazy: boolean): Promise<void> => {
    if (staticUrls.has(url) || (lazy && lazyUrls.has(url))) return;
    (lazy ? lazyUrls : staticUrls).add(url);
    let code: string;
    try {
      code = (await transform(url))?.code ?? '';
    } catch {
      return; // A module that fails to transform fails in the browser as well, with Vite's overlay.
    }
    const [imports] = parse(code);
    await Promise.all(
      imports.flatMap((i) =>
        i.type !== 'import-meta' && local(i.specifier)
          ? [visit(i.specifier, lazy || i.type === 'dynamic')]
          : [],
      ),
    );
  };
  await visit(entry, false);
  return { staticUrls: [...staticUrls], lazyUrls: [...lazyUrls].filter((u) => !staticUrls.has(u)) };
}

export function devPreload(entry = '/src/main.tsx'): Plugin {
  let server: ViteDevServer | undefined;
  let crawl: Promise<string[]> | undefined;
  const api: DevPreloadApi = {
    warm() {
      if (!server) return Promise.resolve([]);
      const dev = server;
      crawl ??= crawlGraph((url) => dev.transformRequest(url), entry).then(async (first) => {
        // Pre-bundling what the crawl met may have changed the dependencies' version hash in
        // the modules' import addresses: a second pass (all cached) reads the final addresses.
        const settled = await crawlGraph((url) => dev.transformRequest(url), entry);
        return settled.staticUrls.length > 0 ? settled.staticUrls : first.staticUrls;
      });
      return crawl;
    },
  };
  return {
    name: DEV_PRELOAD,
    apply: 'serve',
    api,
    configureServer(dev) {
      server = dev;
      // A file edit changes what the graph holds: crawl again on the next page load.
      dev.watcher.on('change', () => (crawl = undefined));
    },
    async transformIndexHtml() {
      const urls = await api.warm();
      return urls
        .filter((url) => url !== entry)
        .map((href) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', href },
          injectTo: 'head' as const,
        }));
    },
  };
}
