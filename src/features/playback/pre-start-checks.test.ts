import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Prompt, PromptResource } from '../../platform/architect';
import type { Call, ParticipantState } from '../../platform/types';
import { participant } from '../../testing/factories';
import { checkStart, isDurationInRange, playableResource } from './pre-start-checks';
import type { PlaybackView } from './playback-status';

const resource = (over: Partial<PromptResource> = {}): PromptResource => ({
  language: 'en-us',
  mediaUri: 'http://media/p1.wav',
  durationSeconds: 4,
  transcoded: true,
  isDefault: true,
  ...over,
});

const PROMPT: Prompt = { id: 'p1', name: 'Recording_disclosure', resources: [resource()] };
const NO_MEDIA: Prompt = {
  id: 'p6',
  name: 'Holiday_hours',
  resources: [resource({ transcoded: false, mediaUri: undefined, durationSeconds: undefined })],
};

const call = (
  agent: ParticipantState = 'connected',
  customer: ParticipantState = 'connected',
): Call => ({
  id: 'c',
  participants: [
    participant({ id: 'cust', purpose: 'customer', state: customer }),
    participant({ id: 'a', userId: 'me', state: agent }),
  ],
});

const ok = {
  call: call(),
  userId: 'me',
  view: { kind: 'idle' } as PlaybackView,
  prompt: PROMPT,
  maxDurationSeconds: 60,
  flowId: 'f1',
};

describe('checkStart', () => {
  it('lets a connected call with a playable prompt start', () => {
    expect(checkStart(ok)).toEqual([]);
  });

  it('names each reason not to start', () => {
    expect(checkStart({ ...ok, call: call('alerting') })).toEqual(['callNotConnected']);
    expect(checkStart({ ...ok, call: call('connected', 'disconnected') })).toEqual([
      'customerNotConnected',
    ]);
    expect(checkStart({ ...ok, view: { kind: 'busy' } })).toEqual(['alreadyPlaying']);
    expect(checkStart({ ...ok, prompt: undefined })).toEqual(['noPrompt']);
    expect(checkStart({ ...ok, prompt: NO_MEDIA })).toEqual(['noMedia']);
    expect(checkStart({ ...ok, maxDurationSeconds: 0 })).toEqual(['durationOutOfRange']);
    expect(checkStart({ ...ok, flowId: undefined })).toEqual(['noFlow']);
  });

  it('reports every problem at once, in the order to fix them', () => {
    expect(
      checkStart({
        ...ok,
        call: call('terminated', 'terminated'),
        view: { kind: 'waiting' },
        prompt: NO_MEDIA,
        maxDurationSeconds: Number.NaN,
        flowId: undefined,
      }),
    ).toEqual([
      'callNotConnected',
      'customerNotConnected',
      'alreadyPlaying',
      'noMedia',
      'durationOutOfRange',
      'noFlow',
    ]);
  });

  it('accepts exactly the whole numbers 1 to 600 as a cap', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 2000, noNaN: false }), (seconds) => {
        const inRange = Number.isInteger(seconds) && seconds >= 1 && seconds <= 600;
        expect(isDurationInRange(seconds)).toBe(inRange);
        expect(
          checkStart({ ...ok, maxDurationSeconds: seconds }).includes('durationOutOfRange'),
        ).toBe(!inRange);
      }),
    );
  });
});

describe('playableResource', () => {
  it('prefers the default language, needs a transcoded resource with a length', () => {
    const other = resource({ language: 'es-us', isDefault: false });
    expect(playableResource({ ...PROMPT, resources: [other, resource()] })?.language).toBe('en-us');
    const notDefault = { ...PROMPT, resources: [resource({ durationSeconds: 0 }), other] };
    expect(playableResource(notDefault)?.language).toBe('es-us');
    expect(playableResource(NO_MEDIA)).toBeUndefined();
  });
});
