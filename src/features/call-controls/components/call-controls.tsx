import { Mic, MicOff, Pause, Play } from 'lucide-react';
import { useId, useRef } from 'react';
import { PanelBoundary } from '../../../components/ui/panel-boundary';
import { ProblemText } from '../../../components/ui/problem-text';
import { retryableLazy } from '../../../components/ui/retryable-lazy';
import { isCallEnded, isLegInAcw, myParticipant } from '../../../domain/call-selectors';
import { useT } from '../../../i18n/use-t';
import { useCallActions, useParticipantView, type FlagField } from '../../../calls/use-intents';
import type { Call, Participant } from '../../../platform/types';
import { problemOf } from '../flag-problem';
import { caption } from '../provenance';
import { useFlagAnnouncements } from '../use-flag-announcements';
import { MUTE_SHORTCUT, useMuteShortcut } from '../use-mute-shortcut';
import { ToggleButton } from './toggle-button';

/** The microphone meter and its detector load after the controls (a lazy chunk). */
const TalkingWhileMuted = retryableLazy(() => import('./talking-while-muted'));

export { MUTE_SHORTCUT };

/**
 * Mute and hold for the agent's own leg of the call in view. Nothing shows when the agent has no
 * leg or the call has ended, but the mute shortcut still answers for this call (it says there is
 * no live call in view). While the agent wraps up (their ended leg in after-call work) the
 * toggles stay, disabled with the reason, so the agent sees why they no longer apply.
 */
export function CallControls({ call, userId }: { call: Call; userId: string }) {
  const anchor = useRef<HTMLSpanElement>(null);
  useMuteShortcut(call.id, userId, anchor);
  const me = myParticipant(call, userId);
  return (
    <>
      <span ref={anchor} hidden />
      {me && (!isCallEnded(call, userId) || isLegInAcw(me)) ? (
        <ParticipantControls call={call} participant={me} />
      ) : null}
    </>
  );
}

function ParticipantControls({ call, participant }: { call: Call; participant: Participant }) {
  const t = useT();
  const { requestFlag, dismiss } = useCallActions();
  // The same view the participant list shows: server state with the pending intent overlaid.
  const { muted, held } = useParticipantView(call.id, participant).flags;
  useFlagAnnouncements(call.id, participant.id);
  const wrappingUp = isLegInAcw(participant);
  const connected = participant.state === 'connected' && !wrappingUp;
  const request = (field: FlagField, value: boolean) =>
    requestFlag(call.id, participant.id, field, value);

  const problems = (['muted', 'held'] as const).flatMap((field) => {
    const problem = problemOf(field, field === 'muted' ? muted : held);
    return problem ? [{ field, problem }] : [];
  });
  const disabledReason = t(wrappingUp ? 'controls.wrappingUp' : 'controls.notConnected');
  const reasonId = useId();
  return (
    <div className="call-controls">
      <div className="toggles" role="group" aria-label={t('controls.label')}>
        <div className="toggle-cell">
          <ToggleButton
            label={t('controls.mute')}
            pressed={muted.shown === true}
            pending={muted.pending}
            disabled={!connected}
            disabledReason={disabledReason}
            disabledReasonId={wrappingUp ? reasonId : undefined}
            shortcut={MUTE_SHORTCUT}
            icon={Mic}
            pressedIcon={MicOff}
            tone="danger"
            onToggle={(next) => request('muted', next)}
          />
          <Caption testId="mute-status" text={t.message(caption('muted', muted))} />
        </div>
        <div className="toggle-cell">
          <ToggleButton
            label={t('controls.hold')}
            pressed={held.shown === true}
            pending={held.pending}
            disabled={!connected}
            disabledReason={disabledReason}
            disabledReasonId={wrappingUp ? reasonId : undefined}
            icon={Pause}
            pressedIcon={Play}
            tone="warning"
            onToggle={(next) => request('held', next)}
          />
          <Caption testId="hold-status" text={t.message(caption('held', held))} />
        </div>
      </div>
      {wrappingUp ? (
        <p className="shortcut-hint" id={reasonId} data-testid="controls-reason">
          {disabledReason}
        </p>
      ) : (
        <p className="shortcut-hint">{t('controls.shortcutHint', { shortcut: MUTE_SHORTCUT })}</p>
      )}
      {problems.map(({ field, problem }) => (
        <div key={field} role="alert" className="inline-alert">
          <p>
            <ProblemText problem={problem} />
          </p>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => dismiss(call.id, participant.id, 'flags', field)}
          >
            {t('action.dismiss')}
          </button>
        </div>
      ))}
      <PanelBoundary panel="talkingWhileMuted" lazies={[TalkingWhileMuted]}>
        <TalkingWhileMuted
          muted={muted.shown === true}
          shortcut={MUTE_SHORTCUT}
          active={connected}
        />
      </PanelBoundary>
    </div>
  );
}

/** One line, ellipsis when long, the whole text in the tooltip. */
function Caption({ text, testId }: { text: string; testId: string }) {
  return (
    <span className="toggle-status" data-testid={testId} title={text}>
      {text}
    </span>
  );
}
