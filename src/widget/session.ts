import type { QueryClient } from '@tanstack/react-query';
import type { WidgetEnv } from '../config/env';
import { toPlatformError } from '../platform/errors';
import type { Platform } from '../platform/platform';
import type { CurrentUser } from '../platform/types';
import { applyCallSnapshot, resyncMyCalls } from '../realtime/call-cache';
import type { ConnectionStore } from '../realtime/connection-store';
import { NotificationChannelClient } from '../realtime/notification-channel';
import { userCallsTopic } from '../realtime/topics';
import type { SessionStore } from '../stores/session-store';

export interface SessionDeps {
  env: WidgetEnv;
  platform: Platform;
  queryClient: QueryClient;
  session: SessionStore;
  connection: ConnectionStore;
}

/** Re-authenticate this long before the token expires. */
const REAUTH_AHEAD_MS = 60_000;

/**
 * Sign-in, the user's notifications channel, and re-authentication. PKCE gives no refresh
 * token, so before expiry (or on a 401) the widget signs in again in a popup while the panel
 * stays as it is, then moves the channel to the new token and re-reads once.
 */
export class SessionController {
  private channel?: NotificationChannelClient;
  private reauthTimer?: ReturnType<typeof setTimeout>;
  private reauthInFlight?: Promise<void>;
  private unsubscribe?: () => void;

  constructor(private readonly deps: SessionDeps) {}

  async start(carry: Record<string, string>): Promise<void> {
    const { platform, session } = this.deps;
    session.setState({ status: 'signingIn', problem: undefined });
    try {
      const signedIn = await platform.signIn(carry);
      const user = await platform.getCurrentUser();
      session.setState({ status: 'signedIn', user });
      this.scheduleReauth(signedIn.expiresAt);
      this.channel = this.startChannel(user);
      this.unsubscribe = this.deps.connection.subscribe((state, previous) => {
        if (state.status === 'signInNeeded' && previous.status !== 'signInNeeded')
          void this.reauthenticate();
      });
    } catch (error) {
      session.setState({ status: 'failed', problem: toPlatformError(error).message });
    }
  }

  /** Safe to call from anywhere, any number of times: one re-authentication at a time. */
  reauthenticate(): Promise<void> {
    if (this.reauthInFlight) return this.reauthInFlight;
    const { platform, session } = this.deps;
    session.setState({ status: 'reauthenticating', problem: undefined });
    this.reauthInFlight = platform
      .reauthenticate()
      .then((auth) => {
        session.setState({ status: 'signedIn' });
        this.scheduleReauth(auth.expiresAt);
        this.channel?.tokenChanged();
      })
      .catch((error: unknown) => {
        session.setState({ status: 'reauthFailed', problem: toPlatformError(error).message });
      })
      .finally(() => {
        this.reauthInFlight = undefined;
      });
    return this.reauthInFlight;
  }

  /** One REST re-read of the signed-in user's calls (nothing before sign-in). */
  async resync(): Promise<void> {
    const user = this.deps.session.getState().user;
    if (user) await resyncMyCalls(this.deps.queryClient, user.id, this.deps.platform);
  }

  stop(): void {
    clearTimeout(this.reauthTimer);
    this.unsubscribe?.();
    this.channel?.stop();
  }

  private scheduleReauth(expiresAt: number): void {
    clearTimeout(this.reauthTimer);
    const delay = Math.min(2_000_000_000, Math.max(0, expiresAt - REAUTH_AHEAD_MS - Date.now()));
    this.reauthTimer = setTimeout(() => void this.reauthenticate(), delay);
  }

  private startChannel(user: CurrentUser): NotificationChannelClient {
    const { queryClient, platform, connection, env } = this.deps;
    const channel = new NotificationChannelClient({
      api: platform,
      topics: () => [userCallsTopic(user.id)],
      onEvent: (event) => applyCallSnapshot(queryClient, user.id, event.call),
      resync: () => this.resync(),
      store: connection,
      options: { heartbeatMs: env.heartbeatMs },
    });
    channel.start();
    return channel;
  }
}
