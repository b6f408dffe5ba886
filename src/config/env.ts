import { parseCrmUrl } from './crm-url.js';
import { resolveEnvironment, type PlatformTarget } from './target.js';

/**
 * Build-time settings (VITE_*), parsed once. Either VITE_GC_REGION (a real org) or
 * VITE_GC_EMULATOR_URL (the bundled emulator) must be set; the client id defaults to the
 * emulator's seeded client only when the emulator is the target.
 */
const KEYS = [
  'VITE_GC_REGION',
  'VITE_GC_EMULATOR_URL',
  'VITE_GC_CLIENT_ID',
  'VITE_GC_REDIRECT_URI',
  'VITE_GC_HEARTBEAT_MS',
  'VITE_GC_RENEW_BEFORE_MIN',
  'VITE_GC_PLAY_PROMPT_FLOW_ID',
  'VITE_CRM_URL',
] as const;

export interface WidgetEnv {
  target: PlatformTarget;
  clientId: string;
  /** Undefined: the page's own origin and path. */
  redirectUri?: string;
  /** The platform's heartbeat interval, which the socket watchdog expects (30 s in production). */
  heartbeatMs: number;
  /** Offer "Renew sign-in" this long before the token expires (default 10 minutes). */
  renewBeforeMs: number;
  /** The Play Prompt secure call flow; unset: looked up by name (needs `architect:flow:view`). */
  playPromptFlowId?: string;
  /** The call-data panel's CRM lookup endpoint (not a Genesys API); none: no CRM round trip. */
  crmUrl?: string;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Live Call Panel is not configured:\n- ${problems.join('\n- ')}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blank = (v: string | undefined) =>
  v === undefined || v.trim() === '' ? undefined : v.trim();

export function parseEnv(raw: Record<string, unknown>): WidgetEnv {
  const problems: string[] = [];
  const env: Partial<Record<(typeof KEYS)[number], string>> = {};
  for (const key of KEYS) {
    const value = raw[key];
    if (typeof value === 'string') env[key] = value;
    else if (value !== undefined) problems.push(`${key} must be text, got ${typeof value}.`);
  }
  const region = blank(env.VITE_GC_REGION);
  const emulator = blank(env.VITE_GC_EMULATOR_URL);
  let target: PlatformTarget | undefined;
  if (region && emulator) problems.push('Set VITE_GC_REGION or VITE_GC_EMULATOR_URL, not both.');
  else if (emulator) {
    try {
      const url = new URL(emulator);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      target = { kind: 'emulator', url: url.origin };
    } catch {
      problems.push(`VITE_GC_EMULATOR_URL must be an http(s) URL, got "${emulator}".`);
    }
  } else if (region) {
    const environment = resolveEnvironment(region);
    if (environment) target = { kind: 'region', environment };
    else
      problems.push(
        `VITE_GC_REGION "${region}" is not a Genesys Cloud region (e.g. us_east_1 or mypurecloud.ie).`,
      );
  } else {
    problems.push('Set VITE_GC_REGION (a real org) or VITE_GC_EMULATOR_URL (the local emulator).');
  }
  const clientId =
    blank(env.VITE_GC_CLIENT_ID) ?? (target?.kind === 'emulator' ? 'lcp-local' : undefined);
  if (!clientId)
    problems.push('VITE_GC_CLIENT_ID (the OAuth PKCE client id) is required for a real org.');
  else if (!/^[\w-]{1,128}$/.test(clientId))
    problems.push('VITE_GC_CLIENT_ID has characters an OAuth client id cannot have.');
  const redirectUri = blank(env.VITE_GC_REDIRECT_URI);
  if (redirectUri && !URL.canParse(redirectUri))
    problems.push(`VITE_GC_REDIRECT_URI must be an absolute URL, got "${redirectUri}".`);
  const heartbeatRaw = blank(env.VITE_GC_HEARTBEAT_MS);
  const heartbeatMs = heartbeatRaw === undefined ? 30_000 : Number(heartbeatRaw);
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 100 || heartbeatMs > 300_000) {
    problems.push(
      `VITE_GC_HEARTBEAT_MS must be a whole number of milliseconds (100 to 300000), got "${heartbeatRaw ?? ''}".`,
    );
  }
  const renewRaw = blank(env.VITE_GC_RENEW_BEFORE_MIN);
  const renewMinutes = renewRaw === undefined ? 10 : Number(renewRaw);
  if (!Number.isFinite(renewMinutes) || renewMinutes < 0 || renewMinutes > 120) {
    problems.push(
      `VITE_GC_RENEW_BEFORE_MIN must be a number of minutes (0 to 120), got "${renewRaw ?? ''}".`,
    );
  }
  const playPromptFlowId = blank(env.VITE_GC_PLAY_PROMPT_FLOW_ID);
  if (playPromptFlowId && !UUID.test(playPromptFlowId))
    problems.push(
      `VITE_GC_PLAY_PROMPT_FLOW_ID must be a flow id (a UUID), got "${playPromptFlowId}".`,
    );
  const crm = parseCrmUrl(env.VITE_CRM_URL, target);
  if (crm.problem) problems.push(crm.problem);
  if (problems.length > 0 || !target || !clientId) throw new EnvError(problems);
  return {
    target,
    clientId,
    redirectUri,
    heartbeatMs,
    renewBeforeMs: renewMinutes * 60_000,
    ...(playPromptFlowId ? { playPromptFlowId } : {}),
    ...(crm.crmUrl ? { crmUrl: crm.crmUrl } : {}),
  };
}
