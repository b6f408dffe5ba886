import { displayString } from '../../../components/ui/display-text';
import { useRememberedOpen } from '../../../components/ui/use-remembered-open';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { customerOf } from '../../../domain/call-selectors';
import { PLAYBACK_KEY } from '../../../domain/playback-protocol';
import { useCatalog } from '../../../i18n/use-catalog';
import { explainError } from '../../../errors/explain-error';
import { useAttribute, useCallActions } from '../../../calls/use-intents';
import { useServices } from '../../../services/widget-services';
import type { Prompt } from '../../../platform/architect';
import type { Call } from '../../../platform/types';
import { usePlayPromptFlow } from '../api/use-play-prompt-flow';
import type { PlaybackPanelAction } from '../play-request';
import { derivePlaybackView, settlePlaybackView, type PlaybackView } from '../playback-status';
import { useLocalPlayback } from '../playback-store';
import { playableResource } from '../pre-start-checks';
import { announcement, CATALOG, usePlaybackT, type PlaybackMessageId } from '../text';
import { PlayForm } from './play-form';
import { endedText, PlaybackStatusLine } from './playback-status-line';
import { PROMPT_TEXT_MAX, PromptPicker, promptLabel } from './prompt-picker';
import { PromptPreview } from './prompt-preview';
import { useStartPlayback } from './use-start-playback';
import '../playback.css';

export interface PlaybackPanelProps {
  call: Call;
  userId: string;
  /** `VITE_GC_PLAY_PROMPT_FLOW_ID`; unset: looked up by name. */
  flowId?: string;
  onAction?: (action: PlaybackPanelAction) => void;
}

/** Playback: choose and preview a prompt, play it to the caller, follow and stop it. */
export default function PlaybackPanel(props: PlaybackPanelProps) {
  useCatalog(CATALOG);
  return <Playback {...props} />;
}

/** The agent's stop for this customer: the request id it names, unless the request failed. */
function useStopIntent(call: Call) {
  const { requestAttributes } = useCallActions();
  const customerId = customerOf(call)?.id ?? '';
  const view = useAttribute(call.id, customerId, PLAYBACK_KEY.stopRequested);
  const failed = view.outcome?.kind === 'failed' ? view.outcome : undefined;
  const stop = useCallback(
    (requestId: string) =>
      requestAttributes(call.id, customerId, { [PLAYBACK_KEY.stopRequested]: requestId }),
    [requestAttributes, call.id, customerId],
  );
  return {
    askedFor: view.outcome ? undefined : view.shown,
    problem: failed ? explainError(failed.error) : undefined,
    stop,
  };
}

function Playback({ call, userId, flowId, onAction }: PlaybackPanelProps) {
  const t = usePlaybackT();
  const [open, setOpen] = useRememberedOpen('playback', false);
  const [selected, setSelected] = useState<Prompt>();
  const [prompts, setPrompts] = useState<Prompt[]>([]);
  const local = useLocalPlayback(call.id);
  const stopIntent = useStopIntent(call);
  const view = useSettledView(
    local ? `${call.id}\u0000${local.requestId}` : undefined,
    derivePlaybackView(call, local, stopIntent.askedFor),
  );
  const flow = usePlayPromptFlow(flowId);
  const start = useStartPlayback(call, userId, onAction);
  const bodyId = useId();
  const labelOf = (promptId: string | undefined) =>
    (promptId && local?.prompts[promptId]?.label) ||
    displayString(prompts.find((p) => p.id === promptId)?.description ?? '', {
      max: PROMPT_TEXT_MAX,
    }) ||
    t('playback.promptUnknown');
  useAnnouncePlayback(view, labelOf);
  const resource = selected ? playableResource(selected) : undefined;
  return (
    <section className="panel-section playback" aria-labelledby={`${bodyId}-title`}>
      <h3 className="playback-title" id={`${bodyId}-title`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          {t('playback.title')}
        </button>
      </h3>
      <PlaybackStatusLine
        view={view}
        local={local}
        labelOf={labelOf}
        onStop={
          view.kind === 'playing' && view.requestId
            ? () => stopIntent.stop(view.requestId!)
            : undefined
        }
        stopProblem={stopIntent.problem}
      />
      <div id={bodyId} hidden={!open} className="playback-body">
        {open ? (
          <>
            <PromptPicker selected={selected} onSelect={setSelected} onPrompts={setPrompts} />
            {selected && resource ? (
              <PromptPreview
                key={resource.mediaUri}
                resource={resource}
                label={promptLabel(selected)}
              />
            ) : null}
            <PlayForm
              call={call}
              userId={userId}
              view={view}
              prompt={selected}
              prompts={prompts}
              flow={flow}
              stopAskedFor={stopIntent.askedFor}
              start={start}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}

const sameView = (a: PlaybackView, b: PlaybackView) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The view shown for this panel's request (`key`), never moving backwards between snapshots
 * (settlePlaybackView); without a request of ours each snapshot is shown as it is.
 */
function useSettledView(key: string | undefined, view: PlaybackView): PlaybackView {
  const [kept, setKept] = useState<{ key: string | undefined; view: PlaybackView }>({
    key,
    view,
  });
  const settled =
    key !== undefined && kept.key === key ? settlePlaybackView(kept.view, view) : view;
  if (kept.key !== key || !sameView(kept.view, settled)) setKept({ key, view: settled });
  return settled;
}

/** One announcement per change of what plays: started, switched, ended (with the reason). */
function useAnnouncePlayback(view: PlaybackView, labelOf: (id: string | undefined) => string) {
  const { ui } = useServices();
  const t = usePlaybackT();
  const said = useRef<string | undefined>(undefined);
  const key =
    view.kind === 'playing'
      ? `playing:${view.requestId}:${view.promptId}:${view.stopping}`
      : view.kind === 'ended'
        ? `ended:${view.reason}:${view.reported}`
        : undefined;
  const prompt = view.kind === 'playing' || view.kind === 'ended' ? labelOf(view.promptId) : '';
  useEffect(() => {
    if (!key || key === said.current) return;
    const first = said.current === undefined;
    said.current = key;
    if (first && view.kind === 'ended') return;
    if (view.kind === 'playing' && view.stopping)
      ui.getState().announce(announcement('playback.status.stopRequested'));
    else if (view.kind === 'playing')
      ui.getState().announce(announcement('playback.status.playing', { prompt }));
    else if (view.kind === 'ended') {
      const [id, values] = endedText(view);
      ui.getState().announce(
        announcement(id, values && { reason: t(values.reason as PlaybackMessageId) }),
      );
    }
  }, [key, prompt, view, ui, t]);
}
