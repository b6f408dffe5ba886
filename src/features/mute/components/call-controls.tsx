import { useEffect, useEffectEvent, useRef } from 'react';
import type { Call } from '../../../platform/types';
import { myParticipant } from '../../../realtime/call-cache';
import { useParticipantControls } from '../use-participant-controls';
import { TalkingWhileMuted } from './talking-while-muted';
import { ToggleButton } from './toggle-button';

export const MUTE_SHORTCUT = 'Alt+M';

/** Mute and hold for the agent's own leg of the call. */
export function CallControls({ call, userId }: { call: Call; userId: string }) {
  const me = myParticipant(call, userId);
  if (!me) return null;
  return <ParticipantControls key={me.id} call={call} participantId={me.id} />;
}

function ParticipantControls({ call, participantId }: { call: Call; participantId: string }) {
  const participant = call.participants.find((p) => p.id === participantId)!;
  const controls = useParticipantControls(call, participant);
  const root = useRef<HTMLDivElement>(null);
  const muted = controls.shown('muted');
  const held = controls.shown('held');
  const connected = participant.state === 'connected';

  // The shortcut is scoped to the widget: it only works while focus is inside it.
  const toggleMute = useEffectEvent(() => controls.request('muted', !muted));
  useEffect(() => {
    const scope = root.current?.closest('[data-widget-root]');
    if (!scope) return undefined;
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.altKey && !key.ctrlKey && !key.metaKey && key.code === 'KeyM') {
        key.preventDefault();
        toggleMute();
      }
    };
    scope.addEventListener('keydown', onKey);
    return () => scope.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="call-controls" ref={root}>
      <div className="toggles" role="group" aria-label="Call controls">
        <div className="toggle-cell">
          <ToggleButton
            label="Mute"
            pressed={muted}
            pending={controls.pending('muted')}
            disabled={!connected}
            shortcut={MUTE_SHORTCUT}
            onToggle={(next) => controls.request('muted', next)}
          />
          <span className="toggle-status" data-testid="mute-status">
            {controls.pending('muted')
              ? muted
                ? 'Muting…'
                : 'Unmuting…'
              : (controls.provenance.muted ?? (muted ? 'Muted' : 'Not muted'))}
          </span>
        </div>
        <div className="toggle-cell">
          <ToggleButton
            label="Hold"
            pressed={held}
            pending={controls.pending('held')}
            disabled={!connected}
            onToggle={(next) => controls.request('held', next)}
          />
          <span className="toggle-status" data-testid="hold-status">
            {controls.pending('held')
              ? held
                ? 'Holding…'
                : 'Resuming…'
              : (controls.provenance.held ?? (held ? 'On hold' : 'Not on hold'))}
          </span>
        </div>
      </div>
      <p className="shortcut-hint">
        Press <kbd>{MUTE_SHORTCUT}</kbd> to mute or unmute while the panel has focus.
      </p>
      {controls.problem ? (
        <div role="alert" className="problem">
          <p>{controls.problem}</p>
          <button type="button" onClick={controls.dismissProblem}>
            Dismiss
          </button>
        </div>
      ) : null}
      <TalkingWhileMuted muted={muted} shortcut={MUTE_SHORTCUT} />
    </div>
  );
}
