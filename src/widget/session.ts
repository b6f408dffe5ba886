import type { QueryClient } from '@tanstack/react-query';
import type { WidgetEnv } from '../config/env';
import { parseLaunchParams } from '../config/launch-params';
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

/** Signs in, loads the user, and starts the notifications channel for their calls. */
export async function startSession(deps: SessionDeps, carry: Record<string, string>) {
  const { platform, session } = deps;
  session.setState({ status: 'signingIn', problem: undefined });
  try {
    const signedIn = await platform.signIn(carry);
    const user = await platform.getCurrentUser();
    const launch = parseLaunchParams(signedIn.carried);
    session.setState({ status: 'signedIn', user, tokenExpiresAt: signedIn.expiresAt, launch });
    const channel = startChannel(deps, user);
    return { user, channel, carried: signedIn.carried };
  } catch (error) {
    session.setState({ status: 'failed', problem: toPlatformError(error).message });
    return null;
  }
}

function startChannel(deps: SessionDeps, user: CurrentUser): NotificationChannelClient {
  const channel = new NotificationChannelClient({
    api: deps.platform,
    topics: () => [userCallsTopic(user.id)],
    onEvent: (event) => applyCallSnapshot(deps.queryClient, user.id, event.call),
    resync: () => resyncMyCalls(deps.queryClient, user.id, deps.platform),
    store: deps.connection,
    options: { heartbeatMs: deps.env.heartbeatMs },
  });
  channel.start();
  return channel;
}
