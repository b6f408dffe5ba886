/**
 * The seeded org's Architect objects: user prompts with generated audio and the flows, with
 * stable ids used by the demo, the tests and the docs (re-exported from seed.ts).
 */
import { MAIN_MENU_FLOW_ID, PLAY_PROMPT_FLOW_ID, PROMPT_IDS } from '../seed-ids.js';

export interface SeedDivision {
  id: string;
  name: string;
}

/** One language of a prompt. `durationMs` is the exact length of the generated audio. */
export interface SeedPromptResource {
  language: string;
  uploadStatus: 'created' | 'uploaded' | 'transcoded' | 'transcodeFailed';
  /** Length of the audio; absent when nothing was transcoded (no playable media). */
  durationMs?: number;
  /** Base pitch of the synthesised "voice" (Hz). */
  voiceHz: number;
  ttsString?: string;
}

export interface SeedPrompt {
  id: string;
  name: string;
  description: string;
  resources: readonly SeedPromptResource[];
}

export interface SeedFlow {
  id: string;
  name: string;
  description: string;
  /** Upper case as the platform returns it (`SECURECALL`, `INBOUNDCALL`). */
  type: string;
}

export const HOME_DIVISION: SeedDivision = {
  id: '6f3c2a10-0000-4000-8000-00000000d1f0',
  name: 'Home',
};

export { PROMPT_IDS };

/** Architect user prompt names are identifiers (letters, digits, `_`); the description is prose. */
export const PROMPTS: readonly SeedPrompt[] = [
  {
    id: PROMPT_IDS.recordingDisclosure,
    name: 'Recording_disclosure',
    description: 'Recording disclosure',
    resources: [
      {
        language: 'en-us',
        uploadStatus: 'transcoded',
        durationMs: 4_000,
        voiceHz: 220,
        ttsString: 'This call may be recorded for quality and training purposes.',
      },
      {
        language: 'es-us',
        uploadStatus: 'transcoded',
        durationMs: 4_500,
        voiceHz: 240,
        ttsString: 'Esta llamada puede ser grabada con fines de calidad y capacitación.',
      },
    ],
  },
  {
    id: PROMPT_IDS.holdPlease,
    name: 'Hold_please',
    description: 'Hold please',
    resources: [
      {
        language: 'en-us',
        uploadStatus: 'transcoded',
        durationMs: 2_000,
        voiceHz: 260,
        ttsString: 'Please hold while I check that for you.',
      },
    ],
  },
  {
    id: PROMPT_IDS.paymentTerms,
    name: 'Payment_terms',
    description: 'Payment terms',
    resources: [
      {
        language: 'en-us',
        uploadStatus: 'transcoded',
        durationMs: 6_000,
        voiceHz: 200,
        ttsString: 'Payment is due within thirty days of the invoice date.',
      },
    ],
  },
  {
    id: PROMPT_IDS.surveyInvitation,
    name: 'Survey_invitation',
    description: 'Survey invitation',
    resources: [
      {
        language: 'en-us',
        uploadStatus: 'transcoded',
        durationMs: 3_000,
        voiceHz: 280,
        ttsString: 'Stay on the line after this call to take a short survey.',
      },
    ],
  },
  {
    id: PROMPT_IDS.transferNotice,
    name: 'Transfer_notice',
    description: 'Transfer notice',
    resources: [
      {
        language: 'en-us',
        uploadStatus: 'transcoded',
        durationMs: 1_500,
        voiceHz: 300,
        ttsString: 'Connecting you now.',
      },
    ],
  },
  {
    id: PROMPT_IDS.holidayHours,
    name: 'Holiday_hours',
    description: 'Holiday hours (audio not uploaded yet)',
    resources: [{ language: 'en-us', uploadStatus: 'created', voiceHz: 0 }],
  },
];

export { MAIN_MENU_FLOW_ID, PLAY_PROMPT_FLOW_ID };

export const FLOWS: readonly SeedFlow[] = [
  {
    id: PLAY_PROMPT_FLOW_ID,
    name: 'Play Prompt',
    description: 'Plays an approved prompt to the caller and returns them to the agent.',
    type: 'SECURECALL',
  },
  {
    id: MAIN_MENU_FLOW_ID,
    name: 'Main Menu',
    description: 'Inbound call flow: greeting and queue selection.',
    type: 'INBOUNDCALL',
  },
];

export function findPrompt(id: string): SeedPrompt | undefined {
  return PROMPTS.find((p) => p.id === id);
}

export function findFlow(id: string): SeedFlow | undefined {
  return FLOWS.find((f) => f.id === id);
}

/** The resource a flow plays: the default (first) language with transcoded audio. */
export function playableResource(prompt: SeedPrompt): SeedPromptResource | undefined {
  return prompt.resources.find((r) => r.uploadStatus === 'transcoded' && r.durationMs);
}
