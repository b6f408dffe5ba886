import type { Models } from 'purecloud-platform-client-v2';
import { parseCall } from './call-mapping';
import { PlatformError } from './errors';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import type { Call, ParticipantChange } from './types';

const CALLS = '/api/v2/conversations/calls';
const CALL = `${CALLS}/{conversationId}`;
const PARTICIPANT = `${CALL}/participants/{participantId}`;

/** `GET /api/v2/conversations/calls` (SDK `getConversationsCalls`): the user's active calls. */
export async function listCalls(sdk: Sdk, budget: RequestBudget): Promise<Call[]> {
  const listing = await budget.run(() =>
    callOperation<Models.CallConversationEntityListing>(sdk, { method: 'GET', path: CALLS }),
  );
  return (listing.entities ?? []).flatMap((raw) => {
    const call = parseCall(raw);
    return call ? [call] : [];
  });
}

/** `GET /api/v2/conversations/calls/{id}` (SDK `getConversationsCall`). */
export async function getCall(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
): Promise<Call> {
  const raw = await budget.run(() =>
    callOperation<Models.CallConversation>(sdk, {
      method: 'GET',
      path: CALL,
      pathParams: { conversationId },
    }),
  );
  const call = parseCall(raw);
  if (!call)
    throw new PlatformError('invalid', 'The call came back in a shape the widget cannot read.');
  return call;
}

/** A body, or a function that builds it at the moment the request goes out (null: send nothing). */
export type BodyAtSendTime<T> = T | (() => T | null);

const resolveBody = <T>(body: BodyAtSendTime<T>): T | null =>
  typeof body === 'function' ? (body as () => T | null)() : body;

/**
 * `PATCH …/participants/{pid}` (SDK `patchConversationsCallParticipant`) with an explicit target
 * (`{muted: true}`, never a toggle). The body is built when the request leaves (after any wait
 * for the request budget), so a target the agent no longer wants is never sent. A 429 is not
 * retried here: the caller decides whether the change is still wanted. The platform answers 202;
 * the new state arrives as a notification. Resolves with what was sent (null: nothing).
 */
export async function changeParticipant(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  change: BodyAtSendTime<ParticipantChange>,
): Promise<ParticipantChange | null> {
  return budget.run(
    async () => {
      const target = resolveBody(change);
      if (!target) return null;
      const body: Models.MediaParticipantRequest = target;
      await callOperation(sdk, {
        method: 'PATCH',
        path: PARTICIPANT,
        pathParams: { conversationId, participantId },
        body,
      });
      return target;
    },
    { retryRateLimited: false },
  );
}

/**
 * `PATCH …/participants/{pid}/attributes` (merge; string values; 202). The merged result is read
 * from the next notification, not from the response (contract §2.5). Built at send time like
 * `changeParticipant`; resolves with the attributes sent (null: nothing).
 */
export async function patchAttributes(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  attributes: BodyAtSendTime<Record<string, string>>,
): Promise<Record<string, string> | null> {
  return budget.run(
    async () => {
      const values = resolveBody(attributes);
      if (!values) return null;
      const body: Models.ParticipantAttributes = { attributes: values };
      await callOperation(sdk, {
        method: 'PATCH',
        path: `${PARTICIPANT}/attributes`,
        pathParams: { conversationId, participantId },
        body,
      });
      return values;
    },
    { retryRateLimited: false },
  );
}
