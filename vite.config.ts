import { fileURLToPath } from 'node:url';
import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The SDK's ES modules reach for Node-only packages inside `typeof window === 'undefined'`
 * branches (file logging, config files). They never run in a browser, so they resolve to an
 * empty module instead of being bundled.
 */
const nodeOnly = fileURLToPath(new URL('./src/platform/node-only-stub.ts', import.meta.url));

export default defineConfig({
  plugins: [react(), lingui()],
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
  build: { target: 'es2022', sourcemap: true },
});
