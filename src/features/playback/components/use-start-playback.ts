import { useCallback } from 'react';
import { customerOf, myParticipant } from '../../../domain/call-selectors';
import { ivrLegs } from '../../../domain/playback-protocol';
import { useServices } from '../../../services/widget-services';
import type { Prompt } from '../../../platform/architect';
import { toPlatformError } from '../../../platform/errors';
import type { Call } from '../../../platform/types';
import {
  buildUserData,
  type LocalPlayback,
  type PlaybackPanelAction,
  type PlayOptions,
  type PromptFacts,
} from '../play-request';
import { derivePlaybackView } from '../playback-status';
import { usePlaybackStore } from '../playback-store';
import { checkStart, type StartRefusal } from '../pre-start-checks';
import { useCallReader } from '../../../calls/use-call-reader';

export interface StartInput {
  prompt: Prompt | undefined;
  options: Omit<PlayOptions, 'promptId'>;
  /** What the panel knows about the prompts the playback may reach (label, length). */
  prompts: Record<string, PromptFacts>;
  flowId: string | undefined;
  stopAskedFor: string | undefined;
}

/**
 * "Play to caller": runs the pre-start checks on the call's latest snapshot and, only when they
 * all pass, sends the caller into the Play Prompt flow with a fresh request id. Resolves with
 * the refusals (empty when the request went out; the outcome is then on the call itself).
 */
export function useStartPlayback(
  call: Call,
  userId: string,
  onAction?: (action: PlaybackPanelAction) => void,
) {
  const { platform } = useServices();
  const reader = useCallReader();
  const store = usePlaybackStore();
  return useCallback(
    async (input: StartInput): Promise<StartRefusal[]> => {
      const latest = reader.call(call.id) ?? call;
      const view = derivePlaybackView(latest, store.get(call.id), input.stopAskedFor);
      const refusals = checkStart({
        call: latest,
        userId,
        view,
        prompt: input.prompt,
        maxDurationSeconds: input.options.maxDurationSeconds,
        flowId: input.flowId,
      });
      const customer = customerOf(latest);
      const me = myParticipant(latest, userId);
      if (refusals.length > 0 || !input.prompt || !input.flowId || !customer || !me)
        return refusals;
      const options: PlayOptions = { ...input.options, promptId: input.prompt.id };
      const playback: LocalPlayback = {
        ...options,
        requestId: crypto.randomUUID(),
        conversationId: latest.id,
        customerId: customer.id,
        phase: 'sending',
        sentAt: Date.now(),
        knownIvrLegIds: ivrLegs(latest).map((p) => p.id),
        prompts: input.prompts,
      };
      store.put(playback);
      const { requestId, conversationId } = playback;
      const labels = Object.fromEntries(
        Object.entries(input.prompts).map(([id, f]) => [id, f.label]),
      );
      onAction?.({
        type: 'requested',
        conversationId,
        requestId,
        promptId: options.promptId,
        labels,
        at: Date.now(),
      });
      try {
        const api = await platform.playback();
        await api.createSecureSession(conversationId, customer.id, {
          flowId: input.flowId,
          userData: buildUserData(requestId, options),
          sourceParticipantId: me.id,
        });
        store.patch(conversationId, requestId, { phase: 'sent' });
      } catch (raw) {
        const error = toPlatformError(raw);
        store.patch(conversationId, requestId, { phase: 'refused', error });
        onAction?.({
          type: 'refused',
          conversationId,
          requestId,
          reason: error.code ?? error.kind,
          at: Date.now(),
        });
      }
      return [];
    },
    [call, userId, reader, platform, store, onAction],
  );
}
