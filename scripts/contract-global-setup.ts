import type { TestProject } from 'vitest/node';
import { createEmulator } from '../emulator/src/server';

/**
 * Starts one emulator on a random port for the widget's contract tests (`src/**\/*.contract.test.ts`)
 * and hands them its URL through `inject('emulatorUrl')`: the tests reach it over HTTP only, as
 * the widget does, so `src/` never imports the emulator.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = createEmulator({ seed: 7 });
  const url = await emulator.listen({ port: 0 });
  project.provide('emulatorUrl', url);
  return () => emulator.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}
