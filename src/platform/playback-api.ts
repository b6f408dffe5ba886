import {
  findFlows,
  listPrompts,
  type FlowSummary,
  type PromptPage,
  type PromptQuery,
} from './architect';
import type { RequestBudget } from './request-budget';
import type { Sdk } from './sdk';
import {
  createSecureSession,
  type SecureSession,
  type SecureSessionRequest,
} from './secure-sessions';

/** The playback panel's API group: prompts, the flow lookup and secure IVR sessions. */
export interface PlaybackApi {
  listPrompts(query: PromptQuery): Promise<PromptPage>;
  findFlows(filter: { type: string; name: string }): Promise<FlowSummary[]>;
  createSecureSession(
    conversationId: string,
    participantId: string,
    request: SecureSessionRequest,
  ): Promise<SecureSession>;
}

/**
 * Binds the group to the widget's SDK client and request budget. Loaded on first use (with the
 * playback panel), so it adds nothing to the panel's start.
 *
 * @example
 * const playback = await platform.playback();
 * const page = await playback.listPrompts({ search: 'hold' });
 */
export function createPlaybackApi(sdk: Sdk, budget: RequestBudget): PlaybackApi {
  return {
    listPrompts: (query) => listPrompts(sdk, budget, query),
    findFlows: (filter) => findFlows(sdk, budget, filter),
    createSecureSession: (cid, pid, request) => createSecureSession(sdk, budget, cid, pid, request),
  };
}
