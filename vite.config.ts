import { fileURLToPath } from 'node:url';
import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cspMeta } from './scripts/csp-meta.js';
import { devPreload } from './scripts/dev-preload.js';
import { sparkTokens } from './scripts/spark-tokens.js';

/**
 * The SDK's ES modules reach for Node-only packages inside `typeof window === 'undefined'`
 * branches (file logging, config files). They never run in a browser, so they resolve to an
 * empty module instead of being bundled.
 */
const nodeOnly = fileURLToPath(new URL('./src/platform/node-only-stub.ts', import.meta.url));

/**
 * The SDK's default HTTP client wraps axios; the widget gives the SDK a fetch-based client
 * through its own `setHttpClient` extension point, so the default is swapped for it at build time
 * and axios never ships (about 21 KB gzip).
 */
const fetchHttpClient = fileURLToPath(
  new URL('./src/platform/fetch-http-client.ts', import.meta.url),
);
const sdkOnFetch: Plugin = {
  name: 'lcp-sdk-on-fetch',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './DefaultHttpClient.js' && importer?.includes('purecloud-platform-client-v2'))
      return fetchHttpClient;
    return undefined;
  },
};

/**
 * The modules the first paint needs: everything statically imported from the entry, recorded
 * when the module graph is complete. They go into one chunk; otherwise the bundler splits the
 * modules shared with the lazy panels into several small preloaded files, each paying its own
 * gzip overhead.
 */
const initialModules = new Set<string>();
const initialGraph: Plugin = {
  name: 'lcp-initial-graph',
  apply: 'build',
  buildEnd() {
    initialModules.clear();
    const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
    const visit = (id: string) => {
      if (initialModules.has(id)) return;
      initialModules.add(id);
      for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
    };
    entries.forEach(visit);
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [
    cspMeta(mode),
    devPreload(),
    initialGraph,
    sdkOnFetch,
    react(),
    lingui(),
    sparkTokens({
      srcDir: fileURLToPath(new URL('./src', import.meta.url)),
      scope: '.lcp-root',
    }),
  ],
  resolve: {
    alias: {
      winston: nodeOnly,
      configparser: nodeOnly,
      os: nodeOnly,
      fs: nodeOnly,
      path: nodeOnly,
      crypto: nodeOnly,
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: (id: string) => initialModules.has(id),
              priority: 10,
            },
          ],
        },
      },
    },
  },
}));
