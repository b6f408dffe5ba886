import type { PlatformError } from '../../platform/errors';

/** The flow accepts a cap of 1 to 600 seconds (product brief §4). */
export const MIN_DURATION_SECONDS = 1;
export const MAX_DURATION_SECONDS = 600;

/** Keys a caller can press: a rule switches to its prompt, or ends the playback when empty. */
export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
export type DtmfKey = (typeof DTMF_KEYS)[number];

export interface PlayOptions {
  promptId: string;
  loop: boolean;
  maxDurationSeconds: number;
  /** Key → prompt id to switch to ('' ends the playback). */
  dtmf: Partial<Record<DtmfKey, string>>;
}

/** What the prompt list told us about a prompt the playback may reach (start or a key rule). */
export interface PromptFacts {
  label: string;
  durationSeconds?: number;
}

/** One playback this panel asked for, kept per call until the next one replaces it. */
export interface LocalPlayback extends PlayOptions {
  requestId: string;
  conversationId: string;
  customerId: string;
  /** `sending` until the platform answered; `refused` when it said no (nothing started). */
  phase: 'sending' | 'sent' | 'refused';
  error?: PlatformError;
  /** Epoch ms of the click. */
  sentAt: number;
  /** Ivr legs already on the call at the click: the playback's own leg is a new one. */
  knownIvrLegIds: string[];
  prompts: Record<string, PromptFacts>;
}

/**
 * `CreateSecureSession.userData`: the flow's `Flow.InvocationData` (deploy/architect/), a JSON
 * string `{"v":1,"requestId","promptId","loop","maxDurationSeconds","dtmf"}`.
 */
export function buildUserData(requestId: string, options: PlayOptions): string {
  const dtmf: Record<string, string> = {};
  for (const key of DTMF_KEYS) {
    const target = options.dtmf[key];
    if (target !== undefined) dtmf[key] = target;
  }
  return JSON.stringify({
    v: 1,
    requestId,
    promptId: options.promptId,
    loop: options.loop,
    maxDurationSeconds: options.maxDurationSeconds,
    dtmf,
  });
}

/** What the panel tells the composition root (the audit trail records it). */
export type PlaybackPanelAction =
  | {
      type: 'requested';
      conversationId: string;
      requestId: string;
      promptId: string;
      /** Readable names of the prompts this playback may play. */
      labels: Record<string, string>;
      at: number;
    }
  | { type: 'refused'; conversationId: string; requestId: string; reason: string; at: number };
