import type { Models } from 'purecloud-platform-client-v2';
import { parseCall } from './call-mapping';
import { PlatformError } from './errors';
import type { RequestBudget } from './request-budget';
import { bodyOf, type Sdk } from './sdk';
import type { Call, ParticipantChange } from './types';

/** `GET /api/v2/conversations/calls`: the signed-in user's active calls. */
export async function listCalls(sdk: Sdk, budget: RequestBudget): Promise<Call[]> {
  const listing = bodyOf<Models.CallConversationEntityListing>(
    await budget.run(() => sdk.conversations.getConversationsCalls()),
  );
  return (listing.entities ?? []).flatMap((raw) => {
    const call = parseCall(raw);
    return call ? [call] : [];
  });
}

/** `GET /api/v2/conversations/calls/{id}`. */
export async function getCall(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
): Promise<Call> {
  const raw = bodyOf<Models.CallConversation>(
    await budget.run(() => sdk.conversations.getConversationsCall(conversationId)),
  );
  const call = parseCall(raw);
  if (!call)
    throw new PlatformError('invalid', 'The call came back in a shape the widget cannot read.');
  return call;
}

/**
 * `PATCH …/participants/{pid}` with an explicit target (`{muted: true}`, never a toggle). The
 * platform answers 202; the new state arrives as a notification.
 */
export async function changeParticipant(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  change: ParticipantChange,
): Promise<void> {
  await budget.run(() =>
    sdk.conversations.patchConversationsCallParticipant(conversationId, participantId, change),
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
  const result = bodyOf<Models.ParticipantAttributes | undefined>(
    await budget.run(() =>
      sdk.conversations.patchConversationsCallParticipantAttributes(conversationId, participantId, {
        attributes,
      }),
    ),
  );
  return { ...(result?.attributes ?? {}) } as Record<string, string>;
}
