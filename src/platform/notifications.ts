import type { Models } from 'purecloud-platform-client-v2';
import { PlatformError } from './errors';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import type { NotificationChannel } from './types';

/** `POST /api/v2/notifications/channels`. */
export async function createChannel(sdk: Sdk, budget: RequestBudget): Promise<NotificationChannel> {
  const channel = await budget.run(() =>
    callOperation<Models.Channel>(sdk, { method: 'POST', path: '/api/v2/notifications/channels' }),
  );
  if (!channel.id || !channel.connectUri)
    throw new PlatformError('invalid', 'The channel has no id or connectUri.');
  const expires = channel.expires ? Date.parse(channel.expires) : NaN;
  return {
    id: channel.id,
    connectUri: channel.connectUri,
    expiresAt: Number.isNaN(expires) ? Date.now() + 24 * 3_600_000 : expires,
  };
}

export interface SubscriptionResult {
  permitted: string[];
  rejected: { topic: string; reason: string }[];
}

/** `PUT …/subscriptions?ignoreErrors=true`: replaces the channel's topics (and extends its life). */
export async function replaceSubscriptions(
  sdk: Sdk,
  budget: RequestBudget,
  channelId: string,
  topics: readonly string[],
): Promise<SubscriptionResult> {
  const body: Models.ChannelTopic[] = topics.map((id) => ({ id }));
  const listing = await budget.run(() =>
    callOperation<Models.ChannelTopicEntityListing>(sdk, {
      method: 'PUT',
      path: '/api/v2/notifications/channels/{channelId}/subscriptions',
      pathParams: { channelId },
      query: { ignoreErrors: true },
      body,
    }),
  );
  const entities = listing.entities ?? [];
  return {
    permitted: entities.filter((t) => t.state?.toLowerCase() !== 'rejected').map((t) => t.id ?? ''),
    rejected: entities
      .filter((t) => t.state?.toLowerCase() === 'rejected')
      .map((t) => ({ topic: t.id ?? '', reason: t.rejectionReason ?? 'Rejected' })),
  };
}

/** `DELETE …/subscriptions`: the channel holds no topics any more (there is no channel DELETE). */
export async function deleteSubscriptions(
  sdk: Sdk,
  budget: RequestBudget,
  channelId: string,
): Promise<void> {
  await budget.run(() =>
    callOperation(sdk, {
      method: 'DELETE',
      path: '/api/v2/notifications/channels/{channelId}/subscriptions',
      pathParams: { channelId },
    }),
  );
}
