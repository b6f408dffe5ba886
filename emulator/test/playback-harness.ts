/** Shared steps of the playback tests: a call for Alice and a Play Prompt session on it. */
import { expect } from 'vitest';
import { PLAY_PROMPT_FLOW_ID, PROMPT_IDS } from '../src/seed.js';
import { ALICE, api, type ApiAnswer } from './harness.js';
import type { EmulatorControl } from '../control-client.js';

export const START = Date.parse('2026-11-21T09:00:00.000Z');

export interface PlayRequestInput {
  v?: number;
  requestId?: string;
  promptId?: string;
  loop?: boolean;
  maxDurationSeconds?: number;
  dtmf?: Record<string, string>;
}

export function userData(input: PlayRequestInput = {}): string {
  return JSON.stringify({
    v: 1,
    requestId: 'req-1',
    promptId: PROMPT_IDS.recordingDisclosure,
    loop: false,
    maxDurationSeconds: 60,
    ...input,
  });
}

export interface TestCall {
  conversationId: string;
  customerId: string;
  agentId: string;
}

export async function aliceCall(control: EmulatorControl): Promise<TestCall> {
  const call = await control.createCall({ agentEmail: ALICE, queue: 'Support' });
  return {
    conversationId: call.conversationId,
    customerId: call.participants.find((p) => p.purpose === 'customer')!.id,
    agentId: call.participants.filter((p) => p.purpose === 'agent').at(-1)!.id,
  };
}

export const sessionsPath = (call: TestCall, pid = call.customerId) =>
  `/conversations/${call.conversationId}/participants/${pid}/secureivrsessions`;

/** `POST …/secureivrsessions` as the agent would send it. */
export function startPlayback(
  url: string,
  token: string,
  call: TestCall,
  request: PlayRequestInput = {},
  body: Record<string, unknown> = {},
): Promise<ApiAnswer> {
  return api(url, token, 'POST', sessionsPath(call), {
    flowId: PLAY_PROMPT_FLOW_ID,
    userData: userData(request),
    sourceParticipantId: call.agentId,
    disconnect: false,
    ...body,
  });
}

type Participant = {
  id: string;
  purpose: string;
  state: string;
  attributes?: Record<string, string>;
} & Record<string, unknown>;

/** The call as `GET /conversations/calls/{cid}` shows it to Alice. */
export async function callOf(url: string, token: string, call: TestCall) {
  const response = await api(url, token, 'GET', `/conversations/calls/${call.conversationId}`);
  expect(response.status).toBe(200);
  const participants = (response.body as { participants: Participant[] }).participants;
  const customer = participants.find((p) => p.id === call.customerId)!;
  return {
    participants,
    customer,
    playback: playbackAttributes(customer.attributes ?? {}),
    leg: (id: string) => participants.find((p) => p.id === id),
  };
}

/** The `lcp.playback.*` attributes without their prefix. */
export function playbackAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([key]) => key.startsWith('lcp.playback.'))
      .map(([key, value]) => [key.slice('lcp.playback.'.length), value]),
  );
}

/** Polls until `check` stops throwing (the flow's timer runs on its own). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
