import type { PlatformTarget } from './target.js';

/** Where the emulator's sample CRM answers lookups (not a Genesys path). */
const EMULATOR_CRM_PATH = '/__emulator/crm/lookup';

/**
 * `VITE_CRM_URL`: the CRM lookup endpoint of the call-data panel. Unset: the emulator's sample
 * CRM when the emulator is the target, none for a real org; `off`: no CRM even on the emulator.
 * Must be an absolute http(s) URL.
 */
export function parseCrmUrl(
  raw: string | undefined,
  target: PlatformTarget | undefined,
): { crmUrl?: string; problem?: string } {
  const value = raw?.trim() ?? '';
  if (value === '')
    return target?.kind === 'emulator' ? { crmUrl: `${target.url}${EMULATOR_CRM_PATH}` } : {};
  if (value.toLowerCase() === 'off') return {};
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { crmUrl: url.href };
  } catch {
    // reported below
  }
  return { problem: `VITE_CRM_URL must be an http(s) URL (or "off"), got "${value}".` };
}
