import { PLAYBACK_KEY } from '../../domain/playback-protocol';
import type { Call, Participant } from '../../platform/types';
import { participant } from '../../testing/factories';
import type { LocalPlayback } from './play-request';

/** The playback status tests' call: a customer, an ended menu leg, the agent and extra legs. */
const ME = 'me';
const MENU_IVR = participant({ id: 'menu', purpose: 'ivr', state: 'terminated' });

export function call(options: {
  customer?: Partial<Participant>;
  attributes?: Record<string, string>;
  legs?: Participant[];
}): Call {
  return {
    id: 'c1',
    participants: [
      participant({
        id: 'cust',
        purpose: 'customer',
        attributes: options.attributes ?? {},
        ...options.customer,
      }),
      MENU_IVR,
      participant({ id: 'agent', userId: ME }),
      ...(options.legs ?? []),
    ],
  };
}

export const ivr = (state: Participant['state'] = 'connected', endTime?: number) =>
  participant({ id: 'flow', purpose: 'ivr', state, endTime });

export const local = (over: Partial<LocalPlayback> = {}): LocalPlayback => ({
  requestId: 'r1',
  conversationId: 'c1',
  customerId: 'cust',
  promptId: 'p1',
  loop: false,
  maxDurationSeconds: 60,
  dtmf: {},
  phase: 'sent',
  sentAt: 1000,
  knownIvrLegIds: ['menu'],
  prompts: { p1: { label: 'One', durationSeconds: 4 }, p2: { label: 'Two', durationSeconds: 2 } },
  ...over,
});

export const attrs = (over: Record<string, string>) => ({
  [PLAYBACK_KEY.requestId]: 'r1',
  [PLAYBACK_KEY.state]: 'playing',
  [PLAYBACK_KEY.promptId]: 'p1',
  [PLAYBACK_KEY.startedAt]: '2026-01-01T10:00:00.000Z',
  [PLAYBACK_KEY.endedAt]: '',
  [PLAYBACK_KEY.reason]: '',
  [PLAYBACK_KEY.lastDigit]: '',
  ...over,
});
