import type { Models } from 'purecloud-platform-client-v2';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';

export interface SecureSessionRequest {
  flowId: string;
  /** Becomes the flow's `Flow.InvocationData`; never sensitive data (contract §2.8). */
  userData: string;
  /** The agent's participant id (not the user id). */
  sourceParticipantId?: string;
}

export interface SecureSession {
  id: string;
  state: 'PENDING' | 'COMPLETED' | 'FAILED' | 'other';
  flowId?: string;
}

const STATES = ['PENDING', 'COMPLETED', 'FAILED'] as const;

/**
 * `POST /api/v2/conversations/{cid}/participants/{customerPid}/secureivrsessions` (SDK
 * `postConversationParticipantSecureivrsessions`): sends the caller into a secure call flow,
 * keeping the agent on the call (`disconnect: false`). There is no session topic and no stop
 * API: progress is watched on the call itself. A 429 is not retried: the agent decides again.
 *
 * @example
 * const session = await createSecureSession(sdk, budget, cid, customerId, { flowId, userData, sourceParticipantId: agentId });
 */
export async function createSecureSession(
  sdk: Sdk,
  budget: RequestBudget,
  conversationId: string,
  participantId: string,
  request: SecureSessionRequest,
): Promise<SecureSession> {
  const body: Models.CreateSecureSession = { ...request, disconnect: false };
  const session = await budget.run(
    () =>
      callOperation<Models.SecureSession>(sdk, {
        method: 'POST',
        path: '/api/v2/conversations/{conversationId}/participants/{participantId}/secureivrsessions',
        pathParams: { conversationId, participantId },
        body,
      }),
    { retryRateLimited: false },
  );
  const state = session.state?.toUpperCase();
  return {
    id: session.id ?? '',
    state: (STATES as readonly string[]).includes(state ?? '')
      ? (state as SecureSession['state'])
      : 'other',
    flowId: session.flow?.id,
  };
}
