/**
 * How the sample CRM tells an agent from anyone, as a real CRM backend must (deploy/crm-backend.md):
 * the request's bearer token must be a live token of this Genesys Cloud (what
 * `GET /api/v2/users/me` accepts), and the user it belongs to must be on the conversation the
 * request names (a participant, ended legs included, as `GET /api/v2/conversations/calls/{id}`
 * allows). Nothing the browser says about who it is counts.
 */
import type { EmulatorContext } from '../context.js';
import { wasParticipant } from '../model/legs.js';
import type { ConversationRecord } from '../model/types.js';
import { findUser, type SeedUser } from '../seed.js';

export type CrmRefusal = {
  status: 401 | 403;
  error: 'unauthorized' | 'forbidden';
  message: string;
};

/** The user of a live emulator token in `Authorization: Bearer …`, or a 401 refusal. */
export function crmCaller(
  ctx: Pick<EmulatorContext, 'auth'>,
  authorization: string | undefined,
): { user: SeedUser } | { refusal: CrmRefusal } {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  if (!match?.[1])
    return {
      refusal: {
        status: 401,
        error: 'unauthorized',
        message: 'The lookup needs the agent’s Genesys Cloud access token as a bearer token.',
      },
    };
  const token = ctx.auth.validToken(match[1]);
  const user = token ? findUser(token.userId) : undefined;
  if (!user)
    return {
      refusal: {
        status: 401,
        error: 'unauthorized',
        message: 'Genesys Cloud does not accept this access token (unknown or expired).',
      },
    };
  return { user };
}

/** A 403 refusal unless the user is (or was) a participant of the conversation. */
export function crmConversationRefusal(
  user: SeedUser,
  conversation: ConversationRecord,
): CrmRefusal | undefined {
  return wasParticipant(conversation, user.id)
    ? undefined
    : {
        status: 403,
        error: 'forbidden',
        message: `The signed-in user is not a participant of conversation ${conversation.id}.`,
      };
}
