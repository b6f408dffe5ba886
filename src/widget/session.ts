import type { WidgetEnv } from '../config/env';
import { message } from '../i18n/message';
import { explainSignInProblem } from '../errors/explain-error';
import { toPlatformError } from '../platform/errors';
import type { Platform } from '../platform/platform';
import type { ConnectionStore } from '../realtime/connection-store';
import { NotificationChannelClient, type ChannelApi } from '../realtime/notification-channel';
import { OnlineSource } from '../realtime/online-source';
import type { ChannelLike } from '../realtime/shared-channel';
import type { TopicRegistry } from '../realtime/topic-registry';
import type { SessionStore } from '../stores/session-store';
import { createScheduler, NamedTimers, type Scheduler } from '../time/scheduler';

export interface SessionDeps {
  env: Pick<WidgetEnv, 'heartbeatMs' | 'renewBeforeMs'>;
  platform: Pick<Platform, 'signIn' | 'reauthenticate' | 'getCurrentUser' | 'adoptToken'> &
    ChannelApi;
  session: SessionStore;
  connection: ConnectionStore;
  registry: TopicRegistry;
  /** Called once the user is known (e.g. to seed their name). */
  onSignedIn?(user: { id: string; name: string }): void;
  online?: OnlineSource;
  /** The widget's scheduler (renewal timers, the channel's timers); the host's own when absent. */
  scheduler?: Scheduler;
  createChannel?: (
    deps: ConstructorParameters<typeof NotificationChannelClient>[0],
    userId: string,
  ) => ChannelLike;
  /** Tokens shared with the widget's other instances in this browser (one sign-in for all). */
  tokens?: {
    request(): Promise<{ accessToken: string; expiresAt: number } | undefined>;
    publish(token: { accessToken: string; expiresAt: number; userId?: string }): void;
    bindUser?(userId: string): void;
    onToken(listener: (token: { accessToken: string; expiresAt: number }) => void): () => void;
  };
  /** This load is the return from the login page (finish that sign-in; don't borrow a token). */
  returningFromLogin?: boolean;
}

const MAX_TIMER_MS = 2_000_000_000;

/**
 * Sign-in, the notifications channel, and renewing the sign-in. The controller does not choose
 * topics: features subscribe to the registry and the channel follows. PKCE gives no refresh
 * token, and browsers only open a sign-in window from a click, so before expiry the panel offers
 * "Renew sign-in"; after expiry (or a 401) it says so and waits for the agent's click, keeping
 * the call on screen.
 */
export class SessionController {
  private channel?: ChannelLike;
  private readonly scheduler: Scheduler;
  private readonly timers: NamedTimers;
  private renewal?: Promise<void>;
  private userId?: string;
  private stopped = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly deps: SessionDeps) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.timers = new NamedTimers(this.scheduler);
  }

  async start(carry: Record<string, string>): Promise<void> {
    const { platform, session } = this.deps;
    session.setState({ status: 'signingIn', problem: undefined });
    const tokens = this.deps.tokens;
    if (tokens) this.cleanups.push(tokens.onToken((token) => void this.adopt(token)));
    try {
      const shared = this.deps.returningFromLogin ? undefined : await tokens?.request();
      if (this.stopped) return;
      if (shared) {
        platform.adoptToken(shared.accessToken);
        await this.signedIn(shared.expiresAt);
        return;
      }
      const signedIn = await platform.signIn(carry);
      if (this.stopped) return;
      await this.signedIn(signedIn.expiresAt, signedIn.accessToken);
    } catch (error) {
      if (this.stopped) return;
      const problem = toPlatformError(error);
      if (problem.code === 'signIn.needsClick') session.setState({ status: 'signInRequired' });
      else session.setState({ status: 'failed', problem: explainSignInProblem(problem) });
    }
  }

  /** The token works: who is this, then the channel. */
  private async signedIn(expiresAt: number, accessToken?: string): Promise<void> {
    const user = await this.deps.platform.getCurrentUser();
    if (this.stopped) return;
    this.userId = user.id;
    this.deps.tokens?.bindUser?.(user.id);
    if (accessToken) this.deps.tokens?.publish({ accessToken, expiresAt, userId: user.id });
    this.deps.onSignedIn?.(user);
    this.deps.session.setState({ status: 'signedIn', user, problem: undefined });
    this.tokenIssued(expiresAt);
    this.openChannel();
  }

  /**
   * Signs in again in a small window. Call it from the agent's click: browsers block windows
   * opened from timers. One at a time; the panel and its state stay as they are.
   */
  renew(): Promise<void> {
    if (this.renewal) return this.renewal;
    const { platform, session } = this.deps;
    const before = session.getState().status;
    session.setState({ status: 'renewing', problem: undefined });
    this.renewal = platform
      .reauthenticate()
      .then(async (auth) => {
        if (this.stopped) return;
        if (before === 'signInRequired') return this.signedIn(auth.expiresAt, auth.accessToken);
        this.deps.tokens?.publish({ ...auth, userId: this.userId });
        session.setState({ status: 'signedIn' });
        this.tokenIssued(auth.expiresAt);
        this.channel?.tokenChanged();
      })
      .catch((error: unknown) => {
        if (this.stopped) return;
        const status =
          before === 'signInRequired'
            ? 'signInRequired'
            : before === 'expired' || this.isExpired()
              ? 'expired'
              : 'signedIn';
        session.setState({ status, problem: explainSignInProblem(toPlatformError(error)) });
      })
      .finally(() => {
        this.renewal = undefined;
      });
    return this.renewal;
  }

  /** Another instance of the widget signed in or renewed: use its token. */
  private async adopt(token: { accessToken: string; expiresAt: number }): Promise<void> {
    const { platform, session } = this.deps;
    const status = session.getState().status;
    if (this.stopped || status === 'renewing' || status === 'signingIn') return;
    platform.adoptToken(token.accessToken);
    if (status === 'signInRequired' || status === 'failed') {
      await this.signedIn(token.expiresAt).catch(() => undefined);
      return;
    }
    session.setState({ status: 'signedIn', problem: undefined });
    this.tokenIssued(token.expiresAt);
    this.channel?.tokenChanged();
  }

  /** Reconnect now (the desktop gave the widget the focus back while the link was down). */
  reconnectNow(): void {
    this.channel?.reconnectNow();
  }

  /** A request was refused with 401: the token is no longer usable. */
  unauthorized(): void {
    if (this.stopped || this.deps.session.getState().status === 'renewing') return;
    this.expire();
  }

  /** Final; resolves once the channel is released or handed over. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearAll();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await this.channel?.stop();
  }

  private openChannel(): void {
    const { platform, registry, connection, env } = this.deps;
    const deps = {
      api: platform,
      registry,
      store: connection,
      scheduler: this.scheduler,
      options: { heartbeatMs: env.heartbeatMs },
    };
    this.channel =
      this.deps.createChannel?.(deps, this.userId ?? '') ?? new NotificationChannelClient(deps);
    this.channel.start();
    const online = this.deps.online ?? new OnlineSource();
    this.cleanups.push(online.subscribe((isOnline) => isOnline && this.channel?.reconnectNow()));
    this.cleanups.push(
      connection.subscribe((state, previous) => {
        if (state.status === 'signInNeeded' && previous.status !== 'signInNeeded') this.expire();
      }),
    );
  }

  private tokenIssued(expiresAt: number): void {
    this.deps.session.setState({ expiresAt, renewDue: false, problem: undefined });
    const renewAt = expiresAt - this.deps.env.renewBeforeMs;
    this.setTimer('renewDue', renewAt, () => this.deps.session.setState({ renewDue: true }));
    this.setTimer('expired', expiresAt, () => this.expire());
  }

  private expire(): void {
    const { session } = this.deps;
    if (session.getState().status === 'expired') return;
    session.setState({ status: 'expired', renewDue: true, problem: message('session.expired') });
  }

  private isExpired(): boolean {
    const expiresAt = this.deps.session.getState().expiresAt;
    return expiresAt !== undefined && expiresAt <= this.scheduler.now();
  }

  private setTimer(name: string, at: number, run: () => void): void {
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - this.scheduler.now()));
    this.timers.set(name, delay, run);
  }
}
