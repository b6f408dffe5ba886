import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { ApiError, assert, badRequest, notFound } from '../errors.js';
import { originOf, parseBody, requireUser } from '../http-helpers.js';
import { MAX_TOPICS_PER_CHANNEL, type ChannelRecord } from '../realtime/channel-registry.js';
import { findQueue, type SeedUser } from '../seed.js';

const USER_TOPIC = /^v2\.users\.([0-9a-f-]{36})\.[A-Za-z0-9_.?&-]+$/i;
const QUEUE_TOPIC = /^v2\.routing\.queues\.([0-9a-f-]{36})\.[A-Za-z0-9_.?&-]+$/i;
/** Any other well-formed topic is accepted, though the emulator publishes only the call topics. */
const OTHER_TOPIC = /^v2\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const QUEUE_TOPIC_PERMISSION = 'routing:queue:view';

const subscriptionBody = z.array(z.object({ id: z.string().min(1) }));

interface TopicVerdict {
  id: string;
  state: 'Permitted' | 'Rejected';
  rejectionReason?: string;
  missingPermissions?: string[];
}

/** Which topics this user may hear (see FIDELITY.md for what is assumed). */
export function judgeTopic(user: SeedUser, topic: string): TopicVerdict {
  const userMatch = USER_TOPIC.exec(topic);
  if (userMatch) {
    return userMatch[1]!.toLowerCase() === user.id
      ? { id: topic, state: 'Permitted' }
      : { id: topic, state: 'Rejected', rejectionReason: 'Topic requires the current user.' };
  }
  const queueMatch = QUEUE_TOPIC.exec(topic);
  if (queueMatch) {
    if (!findQueue(queueMatch[1]!))
      return { id: topic, state: 'Rejected', rejectionReason: 'Unknown queue.' };
    return user.permissions.includes(QUEUE_TOPIC_PERMISSION)
      ? { id: topic, state: 'Permitted' }
      : {
          id: topic,
          state: 'Rejected',
          rejectionReason: 'Missing permissions.',
          missingPermissions: [QUEUE_TOPIC_PERMISSION],
        };
  }
  if (OTHER_TOPIC.test(topic) && topic.length <= 200) return { id: topic, state: 'Permitted' };
  return { id: topic, state: 'Rejected', rejectionReason: 'Invalid topic name.' };
}

type ChannelParams = { Params: { channelId: string }; Querystring: { ignoreErrors?: string } };

export function registerNotificationRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const ownChannel = (request: FastifyRequest<ChannelParams>): ChannelRecord => {
    const user = requireUser(request);
    const channel = ctx.channels.get(request.params.channelId);
    assert(
      channel && channel.userId === user.id && channel.clientId === request.accessToken!.clientId,
      () => notFound(`Channel ${request.params.channelId} was not found.`),
    );
    return channel;
  };

  const listing = (channel: ChannelRecord, rejected: TopicVerdict[] = []) => ({
    entities: [...[...channel.topics].map((id) => ({ id, state: 'Permitted' })), ...rejected].map(
      (t) => ({ ...t, selfUri: `/api/v2/notifications/channels/${channel.id}/subscriptions` }),
    ),
  });

  const changeTopics =
    (mode: 'add' | 'replace') => async (request: FastifyRequest<ChannelParams>) => {
      const user = requireUser(request);
      const channel = ownChannel(request);
      const topics = parseBody(subscriptionBody, request.body).map((t) => t.id);
      const verdicts = topics.map((t) => judgeTopic(user, t));
      const rejected = verdicts.filter((v) => v.state === 'Rejected');
      if (rejected.length > 0 && request.query.ignoreErrors !== 'true') {
        const first = rejected[0]!;
        if (first.missingPermissions) {
          throw new ApiError(
            403,
            'missing.any.permissions',
            `Missing permissions for topic ${first.id}: ${first.missingPermissions.join(', ')}`,
          );
        }
        throw badRequest(
          `Invalid topic ${first.id}: ${first.rejectionReason ?? ''}`,
          'notification.invalid.topic',
        );
      }
      const permitted = verdicts.filter((v) => v.state === 'Permitted').map((v) => v.id);
      const resulting = new Set(mode === 'replace' ? permitted : [...channel.topics, ...permitted]);
      if (resulting.size > MAX_TOPICS_PER_CHANNEL) {
        throw badRequest(
          `A channel may have at most ${MAX_TOPICS_PER_CHANNEL} topics; this request would make ${resulting.size}.`,
        );
      }
      ctx.channels.setTopics(channel, permitted, mode);
      return listing(channel, rejected);
    };

  api.post('/notifications/channels', async (request) => {
    const user = requireUser(request);
    const token = request.accessToken!;
    const channel = ctx.channels.create(
      { userId: user.id, clientId: token.clientId, token: token.value },
      originOf(request).ws,
    );
    return ctx.channels.toJson(channel);
  });

  api.get<{ Querystring: { includechannels?: string } }>(
    '/notifications/channels',
    async (request) => {
      const user = requireUser(request);
      const token = request.accessToken!;
      const scope = (request.query.includechannels ?? 'token').toLowerCase();
      const channels = ctx.channels
        .forOwner(user.id, token.clientId)
        .filter((c) => scope === 'oauthclient' || c.token === token.value);
      return {
        entities: channels.map((c) =>
          scope === 'oauthclient' && c.token !== token.value
            ? { ...ctx.channels.toJson(c), id: '*'.repeat(c.id.length), connectUri: undefined }
            : ctx.channels.toJson(c),
        ),
      };
    },
  );

  api.head<ChannelParams>('/notifications/channels/:channelId', async (request, reply) => {
    ownChannel(request);
    return reply.code(200).send();
  });

  api.get<ChannelParams>('/notifications/channels/:channelId/subscriptions', async (request) =>
    listing(ownChannel(request)),
  );
  api.post<ChannelParams>('/notifications/channels/:channelId/subscriptions', changeTopics('add'));
  api.put<ChannelParams>(
    '/notifications/channels/:channelId/subscriptions',
    changeTopics('replace'),
  );
  api.delete<ChannelParams>(
    '/notifications/channels/:channelId/subscriptions',
    async (request, reply) => {
      ctx.channels.clearTopics(ownChannel(request));
      return reply.code(200).send();
    },
  );
}
