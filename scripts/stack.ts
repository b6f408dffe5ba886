import { createServer as createNetServer } from 'node:net';
import { build, createServer, preview, type InlineConfig } from 'vite';
import { DEV_PRELOAD, type DevPreloadApi } from './dev-preload.js';
import { createEmulator } from '../emulator/src/server.js';
import { contentSecurityPolicy } from '../src/config/csp.js';

export interface StackOptions {
  emulatorPort?: number;
  widgetPort?: number;
  demo?: boolean;
  heartbeatMs?: number;
  tokenTtlSeconds?: number;
  /** `dev`: Vite dev server with HMR; `preview`: a production build served statically. */
  mode?: 'dev' | 'preview';
  /** How long after sign-in the demo call arrives (the emulator's default otherwise). */
  demoDelayMs?: number;
  /** Vite's dependency cache of the dev server (default node_modules/.vite). */
  cacheDir?: string;
  outDir?: string;
}

export interface Stack {
  emulatorUrl: string;
  widgetUrl: string;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (for Vite, which treats port 0 as "use the default"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the emulator, then the widget pointed at it through VITE_* settings. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = createEmulator({
    demo: options.demo ?? true,
    demoDelayMs: options.demoDelayMs,
    heartbeatMs: options.heartbeatMs,
    tokenTtlSeconds: options.tokenTtlSeconds,
  });
  const emulatorUrl = await emulator.listen({ port: options.emulatorPort ?? 0 });
  process.env.VITE_GC_EMULATOR_URL = emulatorUrl;
  process.env.VITE_GC_CLIENT_ID = 'lcp-local';
  if (options.heartbeatMs) process.env.VITE_GC_HEARTBEAT_MS = String(options.heartbeatMs);
  const port = options.widgetPort || (await freePort());
  const base: InlineConfig = { configFile: 'vite.config.ts', logLevel: 'warn' };
  try {
    if (options.mode === 'preview') {
      const outDir = options.outDir ?? 'dist';
      await build({ ...base, build: { outDir, emptyOutDir: true } });
      const server = await preview({
        ...base,
        build: { outDir },
        preview: {
          port,
          host: '127.0.0.1',
          strictPort: true,
          // As the deployment guide serves it: the whole policy, with frame-ancestors.
          headers: {
            'Content-Security-Policy': contentSecurityPolicy(
              { kind: 'emulator', url: emulatorUrl },
              {
                header: true,
                crmUrl: `${emulatorUrl}/__emulator/crm/lookup`,
                // Pages on the other loopback name may frame it, as under a host whose header
                // lets any page do so: the widget's own check must refuse them (framing.spec).
                extraAncestors: ['http://localhost:*'],
              },
            ),
          },
        },
      });
      return {
        emulatorUrl,
        widgetUrl: `http://127.0.0.1:${port}/`,
        close: async () => {
          await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
          await emulator.close();
        },
      };
    }
    const server = await createServer({
      ...base,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      server: { port, host: '127.0.0.1', strictPort: true },
    });
    await server.listen();
    // Warm the server before anyone asks: the first page then meets transformed modules and
    // pre-bundled dependencies (scripts/dev-preload.ts).
    const preload = server.config.plugins.find((p) => p.name === DEV_PRELOAD)?.api as
      DevPreloadApi | undefined;
    await preload?.warm();
    return {
      emulatorUrl,
      widgetUrl: `http://127.0.0.1:${port}/`,
      close: async () => {
        await server.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
