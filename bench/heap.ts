import type { CDPSession } from '@playwright/test';

/** The page's JS heap in MB after forced garbage collections (DevTools protocol). */
export async function heapAfterGcMb(cdp: CDPSession, collections = 2): Promise<number> {
  for (let i = 0; i < collections; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}
