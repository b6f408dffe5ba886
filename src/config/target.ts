import { message, type Message } from '../i18n/message.js';

/** Which Genesys Cloud the widget talks to: a real region, or the bundled emulator. */
export type PlatformTarget =
  { kind: 'region'; environment: string } | { kind: 'emulator'; url: string };

/** Region keys from the SDK's PureCloudRegionHosts and gcTargetEnv names, mapped to their environment. */
export const REGIONS: Readonly<Record<string, string>> = {
  us_east_1: 'mypurecloud.com',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  eu_west_1: 'mypurecloud.ie',
  eu_west_2: 'euw2.pure.cloud',
  eu_central_1: 'mypurecloud.de',
  eu_central_2: 'euc2.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  ap_northeast_2: 'apne2.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

/** Accepts a region key (`eu_west_1`) or an environment (`mypurecloud.ie`); undefined when neither. */
export function resolveEnvironment(value: string): string | undefined {
  const trimmed = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^(api|login|apps)\./, '')
    .replace(/\/+$/, '');
  if (REGIONS[trimmed]) return REGIONS[trimmed];
  return Object.values(REGIONS).includes(trimmed) ? trimmed : undefined;
}

/** `gcTargetEnv` names (Client App SDK service-discovery table) and their environments. */
const TARGET_ENVS: Readonly<Record<string, string>> = {
  prod: 'mypurecloud.com',
  'prod-usw2': 'usw2.pure.cloud',
  'prod-cac1': 'cac1.pure.cloud',
  'prod-sae1': 'sae1.pure.cloud',
  'prod-mxc1': 'mxc1.pure.cloud',
  'prod-euw1': 'mypurecloud.ie',
  'prod-euw2': 'euw2.pure.cloud',
  'prod-euc1': 'mypurecloud.de',
  'prod-euc2': 'euc2.pure.cloud',
  'prod-mec1': 'mec1.pure.cloud',
  'prod-aps1': 'aps1.pure.cloud',
  'prod-apse1': 'apse1.pure.cloud',
  'prod-apse2': 'mypurecloud.com.au',
  'prod-apne1': 'mypurecloud.jp',
  'prod-apne2': 'apne2.pure.cloud',
  'prod-apne3': 'apne3.pure.cloud',
  'fedramp-use2-core': 'use2.us-gov-pure.cloud',
};

/**
 * The target after launch parameters: in a real org, `gcTargetEnv` (or legacy `pcEnvironment`)
 * picks the region the Genesys desktop runs in, but only among known Genesys environments; the
 * emulator target is never overridden.
 */
export function applyTargetEnv(
  target: PlatformTarget,
  targetEnv: string | undefined,
): { target: PlatformTarget; problem?: Message } {
  if (!targetEnv || target.kind === 'emulator') return { target };
  const environment = TARGET_ENVS[targetEnv.toLowerCase()] ?? resolveEnvironment(targetEnv);
  if (!environment) {
    return {
      target,
      problem: message('launch.unknownEnvironment', {
        value: targetEnv,
        environment: target.environment,
      }),
    };
  }
  return { target: { kind: 'region', environment } };
}
