import type { Models } from 'purecloud-platform-client-v2';
import { parseCall } from './call-mapping';
import { PlatformError } from './errors';
import type { Permit, RequestBudget } from './request-budget';
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

/**
 * `PATCH …/participants/{pid}` (SDK `patchConversationsCallParticipant`) with an explicit target
 * (`{muted: true}`, never a toggle). Sends exactly what it is given; with a `permit` from the
 * request budget it leaves at once (the caller built the body after the wait, so a target the
 * agent no longer wants is never sent). A 429 is not retried here: the caller decides whether
 * the change is still wanted. The platform answers 202; the new state arrives as a notification.
 */
export async function changeParticipant(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  change: ParticipantChange,
  permit?: Permit,
): Promise<void> {
  const body: Models.MediaParticipantRequest = change;
  await budget.run(
    () =>
      callOperation(sdk, {
        method: 'PATCH',
        path: PARTICIPANT,
        pathParams: { conversationId, participantId },
        body,
      }),
    { retryRateLimited: false, permit },
  );
}

/**
 * `PATCH …/participants/{pid}/attributes` (merge; string values; 202). The merged result is read
 * from the next notification, not from the response (contract §2.5). Sends exactly the values
 * given, like `changeParticipant`.
 */
export async function patchAttributes(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  attributes: Record<string, string>,
  permit?: Permit,
): Promise<void> {
  const body: Models.ParticipantAttributes = { attributes };
  await budget.run(
    () =>
      callOperation(sdk, {
        method: 'PATCH',
        path: `${PARTICIPANT}/attributes`,
        pathParams: { conversationId, participantId },
        body,
      }),
    { retryRateLimited: false, permit },
  );
}
