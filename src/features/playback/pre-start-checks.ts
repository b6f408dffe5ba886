import { customerOf, isLegInAcw, myParticipant } from '../../domain/call-selectors';
import type { Prompt, PromptResource } from '../../platform/architect';
import type { Call } from '../../platform/types';
import { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from './play-request';
import { isRunning, type PlaybackView } from './playback-status';

/** Why "Play to caller" would not start; each has its own sentence in the catalogue. */
export type StartRefusal =
  | 'wrappingUp'
  | 'callNotConnected'
  | 'customerNotConnected'
  | 'alreadyPlaying'
  | 'noPrompt'
  | 'noMedia'
  | 'durationOutOfRange'
  | 'noFlow';

export interface StartCheckInput {
  call: Call;
  userId: string;
  view: PlaybackView;
  prompt?: Prompt;
  /** As typed: may be fractional, empty (NaN) or out of range. */
  maxDurationSeconds: number;
  flowId?: string;
}

/**
 * The audio a flow can play: the default language's resource when it is transcoded and has a
 * length, else the first such resource (the emulator's flow plays the first transcoded one).
 */
export function playableResource(prompt: Prompt): PromptResource | undefined {
  const playable = prompt.resources.filter(
    (r) => r.transcoded && r.durationSeconds !== undefined && r.durationSeconds > 0,
  );
  return playable.find((r) => r.isDefault) ?? playable[0];
}

export const isDurationInRange = (seconds: number): boolean =>
  Number.isInteger(seconds) && seconds >= MIN_DURATION_SECONDS && seconds <= MAX_DURATION_SECONDS;

/**
 * Everything that stops a playback from starting, in the order the agent should fix them;
 * empty when it may start. Run before anything is sent: a refusal sends nothing.
 */
export function checkStart(input: StartCheckInput): StartRefusal[] {
  const refusals: StartRefusal[] = [];
  const me = myParticipant(input.call, input.userId);
  if (me && isLegInAcw(me)) {
    // The call is over for the agent: that one reason says it all (the caller is gone too).
    refusals.push('wrappingUp');
  } else {
    if (me?.state !== 'connected') refusals.push('callNotConnected');
    if (customerOf(input.call)?.state !== 'connected') refusals.push('customerNotConnected');
  }
  if (isRunning(input.view)) refusals.push('alreadyPlaying');
  if (!input.prompt) refusals.push('noPrompt');
  else if (!playableResource(input.prompt)) refusals.push('noMedia');
  if (!isDurationInRange(input.maxDurationSeconds)) refusals.push('durationOutOfRange');
  if (!input.flowId) refusals.push('noFlow');
  return refusals;
}
