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
