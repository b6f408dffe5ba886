import { signIn, type AuthConfig, type SignInResult } from './auth';
import { PlatformError } from './errors';
import type * as PopupAuth from './popup-auth';
import { changeParticipant, getCall, listCalls, patchAttributes } from './conversations';
import { getMyQueues, getQueue, getUsers } from './directory';
import { createChannel, deleteSubscriptions, replaceSubscriptions } from './notifications';
import { RequestBudget, type Permit, type RequestPriority } from './request-budget';
import { createSdk } from './sdk';
import type { PlatformTarget } from '../config/target';
import type {
  AuthSession,
  Call,
  CurrentUser,
  DirectoryQueue,
  DirectoryUser,
  NotificationChannel,
  ParticipantChange,
} from './types';
import { getCurrentUser } from './users';
import type { SubscriptionResult } from './notifications';
import type { SupervisionApi } from './supervision';
import type { PlaybackApi } from './playback-api';

export interface PlatformConfig extends AuthConfig {
  target: PlatformTarget;
}

/** What the rest of the widget may ask of Genesys Cloud. Every failure is a PlatformError. */
export interface Platform {
  readonly target: PlatformTarget;
  /** Where the login page sends the agent back (the configured redirect URI). */
  readonly redirectUri: string;
  signIn(carry: Record<string, string>): Promise<SignInResult>;
  /** Signs in in a popup, keeping this page and its state. Call it from a click. */
  reauthenticate(): Promise<AuthSession>;
  getCurrentUser(): Promise<CurrentUser>;
  listCalls(): Promise<Call[]>;
  getCall(conversationId: string): Promise<Call>;
  /** Resolves when a request may leave now (the shared request budget; the agent's go first). */
  acquirePermit(priority?: RequestPriority): Promise<Permit>;
  /** Sends exactly this target; with a permit it leaves at once. */
  changeParticipant(
    conversationId: string,
    participantId: string,
    change: ParticipantChange,
    permit?: Permit,
  ): Promise<void>;
  patchAttributes(
    conversationId: string,
    participantId: string,
    attributes: Record<string, string>,
    permit?: Permit,
  ): Promise<void>;
  getUsers(ids: readonly string[]): Promise<DirectoryUser[]>;
  getQueue(queueId: string): Promise<DirectoryQueue>;
  getMyQueues(): Promise<DirectoryQueue[]>;
  createChannel(): Promise<NotificationChannel>;
  replaceSubscriptions(channelId: string, topics: readonly string[]): Promise<SubscriptionResult>;
  deleteSubscriptions(channelId: string): Promise<void>;
  /** Uses a token another instance of the widget obtained (one sign-in serves them all). */
  adoptToken(accessToken: string): void;
  /**
   * The agent's current access token, for the one external service that verifies it with
   * Genesys Cloud (the CRM lookup, sent only to the configured CRM's origin); none before sign-in.
   */
  accessToken(): Promise<string | undefined>;
  /** The supervisor's API group (queues, analytics, monitor/coach/barge), loaded on first use. */
  supervision(): Promise<SupervisionApi>;
  /** The playback panel's API group (prompts, flows, secure IVR sessions), loaded on first use. */
  playback(): Promise<PlaybackApi>;
  /** Removes what the platform left on the page (the sign-in popup guard): the widget stopped. */
  dispose(): void;
}

/**
 * @example
 * const platform = createPlatform({ target: { kind: 'emulator', url }, clientId: 'lcp-local', redirectUri });
 * const session = await platform.signIn({});
 */
export function createPlatform(config: PlatformConfig, budget = new RequestBudget()): Platform {
  const sdk = createSdk(config.target);
  let disposed = false;
  let guard: PopupAuth.PopupGuard | undefined;
  let popupCode: Promise<typeof PopupAuth> | undefined;
  /**
   * Popup sign-in is its own chunk (only framed widgets without storage, `gcUsePopupAuth` and
   * Renew use it), asked for at start so that a click finds it loaded. The widget's one listener
   * for the popups' messages (the guard) goes up when it loads and comes down in `dispose`,
   * however many popup sign-ins run in between. A load that failed is tried again on the next
   * click.
   */
  const loadPopupCode = () =>
    (popupCode ??= import('./popup-auth').then(
      (code) => {
        if (!disposed) guard ??= code.guardPopupMessages(window);
        return code;
      },
      (error: unknown) => {
        popupCode = undefined;
        throw new PlatformError('network', `Popup sign-in could not load (${String(error)}).`);
      },
    ));
  if (typeof window !== 'undefined') loadPopupCode().catch(() => undefined);
  return {
    target: config.target,
    redirectUri: config.redirectUri,
    signIn: async (carry) => signIn(await sdk.client(), config, carry),
    reauthenticate: async () => {
      if (typeof window === 'undefined') throw new Error('Popup sign-in needs a browser window.');
      const { popupSignIn } = await loadPopupCode();
      if (!guard) throw new Error('The widget stopped.');
      return popupSignIn(await sdk.client(), config, guard);
    },
    getCurrentUser: () => getCurrentUser(sdk, budget),
    listCalls: () => listCalls(sdk, budget),
    getCall: (id) => getCall(sdk, budget, id),
    acquirePermit: (priority) => budget.acquire(priority),
    changeParticipant: (cid, pid, change, permit) =>
      changeParticipant(sdk, budget, cid, pid, change, permit),
    patchAttributes: (cid, pid, attributes, permit) =>
      patchAttributes(sdk, budget, cid, pid, attributes, permit),
    getUsers: (ids) => getUsers(sdk, budget, ids),
    getQueue: (id) => getQueue(sdk, budget, id),
    getMyQueues: () => getMyQueues(sdk, budget),
    createChannel: () => createChannel(sdk, budget),
    replaceSubscriptions: (channelId, topics) =>
      replaceSubscriptions(sdk, budget, channelId, topics),
    deleteSubscriptions: (channelId) => deleteSubscriptions(sdk, budget, channelId),
    // Set before any later request: `callOperation` waits for the same client.
    adoptToken: (accessToken) => void sdk.client().then((c) => c.setAccessToken(accessToken)),
    // The SDK keeps the token it uses in `authData` (set by sign-in and setAccessToken); its type
    // declarations leave the field out.
    accessToken: () =>
      sdk
        .client()
        .then(
          (c) =>
            (c as unknown as { authData?: { accessToken?: string } }).authData?.accessToken ||
            undefined,
        ),
    supervision: () => import('./supervision').then((m) => m.createSupervisionApi(sdk, budget)),
    playback: () => import('./playback-api').then((m) => m.createPlaybackApi(sdk, budget)),
    dispose: () => {
      disposed = true;
      guard?.dispose();
    },
  };
}
