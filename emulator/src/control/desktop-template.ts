/**
 * The interaction widget's URL as the Genesys Cloud desktop builds it (contract §5.2): the
 * integration's URL template with `{{name}}` placeholders replaced by URL-encoded values. Pure
 * functions, used by the emulator's desktop host page (`/__emulator/desktop`).
 */

/** The interpolation variables the desktop fills in, with the legacy `pc*` names. */
export const WIDGET_URL_VARIABLES = [
  'gcConversationId',
  'gcHostOrigin',
  'gcTargetEnv',
  'gcLangTag',
  'gcUsePopupAuth',
  'pcConversationId',
  'pcEnvironment',
  'pcLangTag',
] as const;

export type WidgetUrlVariable = (typeof WIDGET_URL_VARIABLES)[number];
export type WidgetUrlValues = Partial<Record<WidgetUrlVariable, string>>;

/** The query the product brief (§6) puts after the widget's address. */
export const DEFAULT_TEMPLATE_QUERY =
  'gcConversationId={{gcConversationId}}&gcHostOrigin={{gcHostOrigin}}&gcTargetEnv={{gcTargetEnv}}' +
  '&gcLangTag={{gcLangTag}}&gcUsePopupAuth={{gcUsePopupAuth}}';

/**
 * The default template for a widget address: its query gets the launch parameters (after any
 * query it already has, before its fragment).
 *
 * @example
 * defaultWidgetTemplate('https://lcp.example.com/')
 * // 'https://lcp.example.com/?gcConversationId={{gcConversationId}}&…'
 */
export function defaultWidgetTemplate(widgetUrl: string): string {
  const hashAt = widgetUrl.indexOf('#');
  const base = hashAt === -1 ? widgetUrl : widgetUrl.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : widgetUrl.slice(hashAt);
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${DEFAULT_TEMPLATE_QUERY}${hash}`;
}

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;

const isVariable = (name: string): name is WidgetUrlVariable =>
  (WIDGET_URL_VARIABLES as readonly string[]).includes(name);

/**
 * Replaces each `{{name}}` of a known variable that has a value with the URL-encoded value.
 * Unknown names, and known names without a value, stay literal: a widget opened that way sees
 * `{{…}}`, as it does outside Genesys.
 *
 * @example
 * interpolateWidgetUrl('https://w.example/?c={{gcConversationId}}&x={{gcUseDarkTheme}}', {
 *   gcConversationId: 'c-1',
 * }); // 'https://w.example/?c=c-1&x={{gcUseDarkTheme}}'
 */
export function interpolateWidgetUrl(template: string, values: WidgetUrlValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isVariable(name) ? values[name] : undefined;
    return value === undefined ? whole : encodeURIComponent(value);
  });
}

export interface DesktopLaunch {
  conversationId: string;
  /** The desktop's own origin (the emulator's, for the host page). */
  hostOrigin: string;
  /** `gcTargetEnv`; the Client App SDK accepts a localhost host origin only with a known name. */
  targetEnv?: string;
  langTag?: string;
  usePopupAuth?: boolean;
}

/** `gcTargetEnv` names and their environments (contract §1.1) for the legacy `{{pcEnvironment}}`. */
const ENVIRONMENT_OF_TARGET: Readonly<Record<string, string>> = {
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
 * The values the desktop fills in for one interaction: `gcTargetEnv` `prod`, `gcLangTag` `en-US`
 * and `gcUsePopupAuth` `true` unless given; the legacy names mirror the `gc*` ones
 * (`pcEnvironment` is the environment of `gcTargetEnv`).
 *
 * @example
 * launchValues({ conversationId: 'c-1', hostOrigin: 'http://127.0.0.1:8787' }).gcTargetEnv; // 'prod'
 */
export function launchValues(launch: DesktopLaunch): WidgetUrlValues {
  const targetEnv = launch.targetEnv ?? 'prod';
  const langTag = launch.langTag ?? 'en-US';
  return {
    gcConversationId: launch.conversationId,
    gcHostOrigin: launch.hostOrigin,
    gcTargetEnv: targetEnv,
    gcLangTag: langTag,
    gcUsePopupAuth: String(launch.usePopupAuth ?? true),
    pcConversationId: launch.conversationId,
    pcEnvironment: ENVIRONMENT_OF_TARGET[targetEnv],
    pcLangTag: langTag,
  };
}
