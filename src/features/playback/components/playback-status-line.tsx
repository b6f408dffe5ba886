import { Square } from 'lucide-react';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useNow } from '../../../time/use-now';
import { explainError, type Problem } from '../../../errors/explain-error';
import type { LocalPlayback } from '../play-request';
import { progressOf, type PlaybackView } from '../playback-status';
import { usePlaybackT, type PlaybackMessageId } from '../text';
import { PROMPT_TEXT_MAX } from './prompt-picker';
import { refusalReason } from './refusal-text';

export interface StatusLineProps {
  view: PlaybackView;
  local: LocalPlayback | undefined;
  /** The readable name of a prompt id. */
  labelOf(promptId: string | undefined): string;
  onStop?: () => void;
  stopProblem?: Problem;
}

/** Live playback status from the call's notifications: what plays, its progress, how it ended. */
export function PlaybackStatusLine(props: StatusLineProps) {
  const t = usePlaybackT();
  const { view } = props;
  if (view.kind === 'idle') return null;
  return (
    <div className={`playback-status playback-status-${view.kind}`} data-testid="playback-status">
      <p className="playback-status-text" role="status">
        <StatusText {...props} />
      </p>
      {view.kind === 'playing' ? <PlaybackProgress view={view} local={props.local} /> : null}
      {view.kind === 'playing' && view.lastDigit ? (
        <p className="playback-status-detail">
          {view.switched
            ? withSlot(
                t('playback.status.switched', { digit: view.lastDigit, prompt: SLOT }),
                <UntrustedText text={props.labelOf(view.promptId)} max={PROMPT_TEXT_MAX} />,
              )
            : t('playback.status.digit', { digit: view.lastDigit })}
        </p>
      ) : null}
      {view.kind === 'playing' && view.requestId && props.onStop ? (
        <button
          type="button"
          className="button playback-stop"
          onClick={props.onStop}
          disabled={view.stopping}
        >
          <Square size={14} aria-hidden />
          <span>{t(view.stopping ? 'playback.stopping' : 'playback.stop')}</span>
        </button>
      ) : null}
      {props.stopProblem ? (
        <p className="inline-alert" role="alert">
          {t('playback.status.stopFailed', { reason: t.message(props.stopProblem.reason) })}
        </p>
      ) : null}
    </div>
  );
}

function StatusText({ view, labelOf }: StatusLineProps) {
  const t = usePlaybackT();
  switch (view.kind) {
    case 'sending':
      return t('playback.status.sending');
    case 'waiting':
      return t('playback.status.waiting');
    case 'busy':
      return t('playback.status.busy');
    case 'refused':
      return t('playback.status.refused', {
        reason: refusalReason(t, explainError(view.error).reason, view.error),
      });
    case 'ended': {
      const [id, values] = endedText(view);
      return t(id, values && { reason: t(values.reason as PlaybackMessageId) });
    }
    case 'playing':
      if (view.stopping) return t('playback.status.stopRequested');
      if (!view.ours && view.source === 'attributes' && !view.promptId)
        return t('playback.status.playingElsewhere');
      return withSlot(
        t(view.source === 'leg' ? 'playback.status.playingLeg' : 'playback.status.playing', {
          prompt: SLOT,
        }),
        <UntrustedText text={labelOf(view.promptId)} max={PROMPT_TEXT_MAX} />,
      );
    default:
      return null;
  }
}

/**
 * How an ended playback reads: the flow's reason, a hang-up seen on the legs, or, when the flow
 * has not said (yet), that the caller is back, after the agent's stop if one was asked for
 * (never "stopped from the panel" unless the flow said so).
 */
export function endedText(
  view: Extract<PlaybackView, { kind: 'ended' }>,
): [PlaybackMessageId, { reason: string } | undefined] {
  if (!view.reported && view.reason === 'unknown' && view.stopAsked)
    return ['playback.status.endedAfterStop', undefined];
  return ['playback.status.ended', { reason: `playback.reason.${view.reason}` }];
}

/** A bar from the flow's `startedAt` on the shared clock; indeterminate when the flow reports nothing. */
function PlaybackProgress({
  view,
  local,
}: {
  view: Extract<PlaybackView, { kind: 'playing' }>;
  local: LocalPlayback | undefined;
}) {
  const t = usePlaybackT();
  const now = useNow();
  const progress = progressOf(view, local, now);
  if (!progress)
    return (
      <div
        className="playback-progress is-indeterminate"
        role="progressbar"
        aria-label={t('playback.status.progressLabel')}
      >
        <span className="playback-progress-bar" />
      </div>
    );
  const text = t('playback.status.progress', {
    elapsed: t.duration(progress.elapsedMs),
    total: t.duration(progress.totalMs),
  });
  return (
    <div className="playback-progress-row">
      <div
        className="playback-progress"
        role="progressbar"
        aria-label={t('playback.status.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={Math.round(progress.totalMs / 1000)}
        aria-valuenow={Math.round(progress.elapsedMs / 1000)}
        aria-valuetext={text}
      >
        <span
          className="playback-progress-bar"
          style={{ width: `${(100 * progress.elapsedMs) / progress.totalMs}%` }}
        />
      </div>
      <span className="playback-progress-text" aria-hidden>
        {text}
      </span>
    </div>
  );
}
