import { useId, useState } from 'react';
import type { Prompt } from '../../../platform/architect';
import type { Call } from '../../../platform/types';
import type { FlowLookup } from '../api/use-play-prompt-flow';
import type { PromptFacts } from '../play-request';
import type { PlaybackView } from '../playback-status';
import { checkStart, playableResource, type StartRefusal } from '../pre-start-checks';
import { usePlaybackT, type PlaybackMessageId } from '../text';
import { KeyRules, type KeyRule } from './key-rules';
import { promptLabel } from './prompt-picker';
import { refusalReason } from './refusal-text';
import { explainError } from '../../../errors/explain-error';
import type { StartInput } from './use-start-playback';

export interface PlayFormProps {
  call: Call;
  userId: string;
  view: PlaybackView;
  prompt: Prompt | undefined;
  prompts: Prompt[];
  flow: FlowLookup;
  stopAskedFor: string | undefined;
  start(input: StartInput): Promise<StartRefusal[]>;
}

const facts = (prompt: Prompt): PromptFacts => ({
  label: promptLabel(prompt),
  durationSeconds: playableResource(prompt)?.durationSeconds,
});

/**
 * Loop, maximum duration, caller keys and "Play to caller". The button is disabled with the
 * reasons shown while anything stops a start (nothing is sent then); the same checks run again
 * on the call's latest snapshot when it is pressed.
 */
export function PlayForm(props: PlayFormProps) {
  const t = usePlaybackT();
  const [loop, setLoop] = useState(false);
  const [maxText, setMaxText] = useState('60');
  const [rules, setRules] = useState<KeyRule[]>([]);
  const [late, setLate] = useState<StartRefusal[]>([]);
  const reasonsId = useId();
  const flowId = props.flow.status === 'found' ? props.flow.flowId : undefined;
  const maxDurationSeconds = maxText.trim() === '' ? Number.NaN : Number(maxText);
  const refusals = checkStart({ ...props, maxDurationSeconds, flowId });
  const shown = refusals.length > 0 ? refusals : late;
  const playable = props.prompts.filter((p) => playableResource(p));
  const play = async () => {
    if (!props.prompt) return;
    const reachable = [
      props.prompt,
      ...playable.filter((p) => rules.some((r) => r.target === p.id)),
    ];
    setLate(
      await props.start({
        prompt: props.prompt,
        options: {
          loop,
          maxDurationSeconds,
          dtmf: Object.fromEntries(rules.map((r) => [r.key, r.target])),
        },
        prompts: Object.fromEntries(reachable.map((p) => [p.id, facts(p)])),
        flowId,
        stopAskedFor: props.stopAskedFor,
      }),
    );
  };
  return (
    <div className="playback-form">
      <label className="playback-check">
        <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.currentTarget.checked)} />
        <span>{t('playback.options.loop')}</span>
      </label>
      <label className="playback-field playback-max">
        <span>{t('playback.options.maxDuration')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          step={1}
          value={maxText}
          aria-invalid={refusals.includes('durationOutOfRange')}
          onChange={(e) => setMaxText(e.currentTarget.value)}
        />
      </label>
      <KeyRules rules={rules} prompts={playable} onChange={setRules} />
      <p className="notice playback-caller-hears">{t('playback.callerHears')}</p>
      <button
        type="button"
        className="button button-primary playback-play"
        disabled={refusals.length > 0}
        aria-describedby={shown.length > 0 ? reasonsId : undefined}
        onClick={() => void play()}
      >
        {t('playback.play')}
      </button>
      {shown.length > 0 ? (
        <ul className="playback-reasons" id={reasonsId} data-testid="playback-reasons">
          {shown.map((r) => (
            <li key={r}>
              <RefusalText refusal={r} flow={props.flow} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function RefusalText({ refusal, flow }: { refusal: StartRefusal; flow: FlowLookup }) {
  const t = usePlaybackT();
  if (refusal !== 'noFlow') return <>{t(`playback.refusal.${refusal}` as PlaybackMessageId)}</>;
  let detail: string;
  if (flow.status === 'loading') detail = t('playback.flow.loading');
  else if (flow.status === 'failed' && flow.error.kind === 'forbidden')
    detail = t('playback.flow.forbidden');
  else if (flow.status === 'failed')
    detail = refusalReason(t, explainError(flow.error).reason, flow.error);
  else detail = t('playback.flow.notFound');
  return <>{t('playback.refusal.noFlow', { detail })}</>;
}
