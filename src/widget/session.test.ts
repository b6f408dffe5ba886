import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../platform/errors';
import { createConnectionStore } from '../realtime/connection-store';
import { OnlineSource } from '../realtime/online-source';
import { TopicRegistry } from '../realtime/topic-registry';
import { createSessionStore } from '../stores/session-store';
import { createScheduler } from '../time/scheduler';
import { SessionController, type SessionDeps } from './session';

const USER = { id: 'u1', name: 'Alice Agent', permissions: [] };
const HOUR = 3_600_000;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  const signIn = deferred<{
    accessToken: string;
    expiresAt: number;
    carried: Record<string, string>;
  }>();
  const channel = { start: vi.fn(), stop: vi.fn(), tokenChanged: vi.fn(), reconnectNow: vi.fn() };
  const createChannel = vi.fn(() => channel);
  let goOnline: (online: boolean) => void = () => undefined;
  const platform = {
    signIn: vi.fn(() => signIn.promise),
    reauthenticate: vi.fn(async () => ({ accessToken: 't2', expiresAt: Date.now() + 2 * HOUR })),
    getCurrentUser: vi.fn(async () => USER),
    adoptToken: vi.fn(),
    createChannel: vi.fn(),
    replaceSubscriptions: vi.fn(),
  };
  const session = createSessionStore();
  const connection = createConnectionStore();
  const scheduler = createScheduler();
  const deps: SessionDeps = {
    scheduler,
    env: { heartbeatMs: 30_000, renewBeforeMs: 10 * 60_000 },
    platform,
    session,
    connection,
    registry: new TopicRegistry(),
    online: new OnlineSource((set) => {
      goOnline = set;
      return () => undefined;
    }),
    createChannel,
  };
  const controller = new SessionController(deps);
  return {
    controller,
    scheduler,
    signIn,
    channel,
    createChannel,
    platform,
    session,
    connection,
    online: (v: boolean) => goOnline(v),
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SessionController', () => {
  it('opens nothing when stopped during sign-in', async () => {
    const t = setup();
    const started = t.controller.start({});
    void t.controller.stop();
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    await flush();
    expect(t.platform.getCurrentUser).not.toHaveBeenCalled();
    expect(t.createChannel).not.toHaveBeenCalled();
    expect(t.session.getState().status).toBe('signingIn');
  });

  it('runs its renewal timers on the widget’s scheduler and leaves none behind when stopped', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    expect(t.scheduler.live()).toBe(2);
    await t.controller.stop();
    expect(t.scheduler.live()).toBe(0);
  });

  it('signs in, starts the channel, offers renewal ahead of expiry and says when it expired', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    expect(t.session.getState()).toMatchObject({ status: 'signedIn', user: USER, renewDue: false });
    expect(t.channel.start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(50 * 60_000 - 1);
    expect(t.session.getState().renewDue).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.session.getState()).toMatchObject({ status: 'signedIn', renewDue: true });
    // No window is opened by a timer: renewing waits for the agent's click.
    expect(t.platform.reauthenticate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(t.session.getState()).toMatchObject({
      status: 'expired',
      problem: { id: 'session.expired' },
    });
    expect(t.platform.reauthenticate).not.toHaveBeenCalled();
    void t.controller.stop();
  });

  it('renews from a click: new token, the channel moves to it, the reminder is reset', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + 5 * 60_000, carried: {} });
    await started;
    await flush();
    expect(t.session.getState().renewDue).toBe(true);
    const renewing = t.controller.renew();
    expect(t.session.getState().status).toBe('renewing');
    await renewing;
    expect(t.session.getState()).toMatchObject({ status: 'signedIn', renewDue: false });
    expect(t.channel.tokenChanged).toHaveBeenCalledTimes(1);
    void t.controller.stop();
  });

  it('a failed renewal says why in plain words and keeps the state it had', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    t.platform.reauthenticate.mockRejectedValueOnce(
      new PlatformError('unauthorized', 'Authentication Popup Timeout', { code: 'popup.closed' }),
    );
    await t.controller.renew();
    expect(t.session.getState()).toMatchObject({
      status: 'signedIn',
      problem: { id: 'signIn.popupClosed' },
    });
    t.controller.unauthorized();
    t.platform.reauthenticate.mockRejectedValueOnce(
      new PlatformError('unauthorized', 'blocked', { code: 'popup.blocked' }),
    );
    await t.controller.renew();
    expect(t.session.getState()).toMatchObject({
      status: 'expired',
      problem: { id: 'signIn.popupBlocked' },
    });
    void t.controller.stop();
  });

  it('a 401 or a channel refused for sign-in marks the session expired', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    t.connection.setState({ status: 'signInNeeded' });
    expect(t.session.getState().status).toBe('expired');
    void t.controller.stop();
  });

  it('reconnects at once when the browser comes back online', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.resolve({ accessToken: 't', expiresAt: Date.now() + HOUR, carried: {} });
    await started;
    t.online(false);
    expect(t.channel.reconnectNow).not.toHaveBeenCalled();
    t.online(true);
    expect(t.channel.reconnectNow).toHaveBeenCalledTimes(1);
    void t.controller.stop();
    expect(t.channel.stop).toHaveBeenCalledTimes(1);
  });

  it('explains a sign-in that failed', async () => {
    const t = setup();
    const started = t.controller.start({});
    t.signIn.reject(new PlatformError('network', 'offline'));
    await started;
    expect(t.session.getState()).toMatchObject({
      status: 'failed',
      problem: { id: 'signIn.network' },
    });
  });

  it('borrows another instance’s token instead of signing in, and announces its own', async () => {
    const t = setup();
    const published: unknown[] = [];
    let deliver: (token: { accessToken: string; expiresAt: number }) => void = () => undefined;
    const controller = new SessionController({
      env: { heartbeatMs: 30_000, renewBeforeMs: 60_000 },
      platform: t.platform,
      session: t.session,
      connection: t.connection,
      registry: new TopicRegistry(),
      createChannel: t.createChannel,
      online: new OnlineSource(() => () => undefined),
      tokens: {
        request: async () => ({ accessToken: 'shared', expiresAt: Date.now() + HOUR }),
        publish: (token) => published.push(token),
        onToken: (listener) => {
          deliver = listener;
          return () => undefined;
        },
      },
    });
    await controller.start({});
    expect(t.platform.signIn).not.toHaveBeenCalled();
    expect(t.platform.adoptToken).toHaveBeenCalledWith('shared');
    expect(t.session.getState().status).toBe('signedIn');
    // Another instance renews: this one moves its channel to the new token too.
    controller.unauthorized();
    expect(t.session.getState().status).toBe('expired');
    deliver({ accessToken: 'renewed', expiresAt: Date.now() + 2 * HOUR });
    await flush();
    expect(t.platform.adoptToken).toHaveBeenLastCalledWith('renewed');
    expect(t.session.getState().status).toBe('signedIn');
    expect(t.channel.tokenChanged).toHaveBeenCalledTimes(1);
    await controller.renew();
    expect(published).toEqual([expect.objectContaining({ accessToken: 't2' })]);
    void controller.stop();
  });
});
