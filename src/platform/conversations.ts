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

/**
 * `PATCH …/participants/{pid}` (SDK `patchConversationsCallParticipant`) with an explicit target
 * (`{muted: true}`, never a toggle). The platform answers 202; the new state arrives as a
 * notification.
 */
export async function changeParticipant(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  change: ParticipantChange,
): Promise<void> {
  const body: Models.MediaParticipantRequest = change;
  await budget.run(() =>
    callOperation(sdk, {
      method: 'PATCH',
      path: PARTICIPANT,
      pathParams: { conversationId, participantId },
      body,
    }),
  );
}

/** `PATCH …/participants/{pid}/attributes` (merge; string values). Returns the merged map. */
export async function patchAttributes(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  attributes: Record<string, string>,
): Promise<Record<string, string>> {
  const body: Models.ParticipantAttributes = { attributes };
  const result = await budget.run(() =>
    callOperation<Models.ParticipantAttributes | undefined>(sdk, {
      method: 'PATCH',
      path: `${PARTICIPANT}/attributes`,
      pathParams: { conversationId, participantId },
      body,
    }),
  );
  return { ...(result?.attributes ?? {}) } as Record<string, string>;
}
