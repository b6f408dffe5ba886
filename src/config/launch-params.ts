import { message, type Message } from '../i18n/message';

/**
 * URL parameters the widget is launched with (interaction-widget URL interpolation, contract
 * §5.2). Read once, before sign-in (the SDK wipes the query string), and carried across it.
 */
export interface LaunchParams {
  conversationId?: string;
  hostOrigin?: string;
  targetEnv?: string;
  langTag?: string;
  usePopupAuth: boolean;
  /**
   * `view=supervisor` opens the supervisor view (for users with its permissions); `view=setup`
   * the setup check an admin runs before agents use the panel.
   */
  view?: 'agent' | 'supervisor' | 'setup';
  /** `theme=light|dark` forces a theme; otherwise the system's preference decides. */
  theme?: 'light' | 'dark';
  /** Parameters that arrived as literal `{{…}}` placeholders or with values that were refused. */
  problems: Message[];
}

const NAMES = {
  conversationId: ['gcConversationId', 'pcConversationId'],
  hostOrigin: ['gcHostOrigin'],
  targetEnv: ['gcTargetEnv', 'pcEnvironment'],
  langTag: ['gcLangTag', 'pcLangTag'],
  usePopupAuth: ['gcUsePopupAuth'],
  theme: ['theme'],
  view: ['view'],
} as const;

const CONVERSATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TARGET_ENV = /^[a-z0-9.-]{1,64}$/i;

/** The parameters worth carrying across the login redirect, by their original names. */
export function carriedParams(search: string): Record<string, string> {
  const query = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const name of Object.values(NAMES).flat()) {
    const value = query.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

export function parseLaunchParams(raw: Record<string, string>): LaunchParams {
  const problems: Message[] = [];
  const read = (names: readonly string[], pattern: RegExp, kind: keyof typeof NAMES) => {
    for (const name of names) {
      const value = raw[name]?.trim();
      if (value === undefined || value === '') continue;
      if (value.includes('{{') || value.includes('}}')) {
        problems.push(message('launch.placeholder', { name, kind }));
        return undefined;
      }
      if (!pattern.test(value)) {
        problems.push(message('launch.invalid', { name, kind }));
        return undefined;
      }
      return value;
    }
    return undefined;
  };
  return {
    conversationId: read(NAMES.conversationId, CONVERSATION_ID, 'conversationId'),
    // https is required of a real desktop in checkHostOrigin; the emulator's desktop is http.
    hostOrigin: read(NAMES.hostOrigin, /^https?:\/\/[^/]+$/, 'hostOrigin'),
    targetEnv: read(NAMES.targetEnv, TARGET_ENV, 'targetEnv'),
    langTag: read(NAMES.langTag, LANG_TAG, 'langTag'),
    usePopupAuth:
      read(NAMES.usePopupAuth, /^(true|false)$/i, 'usePopupAuth')?.toLowerCase() === 'true',
    view: read(
      NAMES.view,
      /^(agent|supervisor|setup)$/i,
      'view',
    )?.toLowerCase() as LaunchParams['view'],
    theme: read(NAMES.theme, /^(light|dark)$/i, 'theme')?.toLowerCase() as
      'light' | 'dark' | undefined,
    problems,
  };
}
