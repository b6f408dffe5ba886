import { useEffect, useEffectEvent, useRef } from 'react';
import type { Call } from '../../../platform/types';
import { myParticipant } from '../../../realtime/call-cache';
import type { ToggleField } from '../../../lib/participant-intents';
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

type Controls = ReturnType<typeof useParticipantControls>;

interface ToggleCellProps {
  label: string;
  field: ToggleField;
  /** Pending on, pending off, on, off. */
  words: [string, string, string, string];
  controls: Controls;
  disabled: boolean;
  shortcut?: string;
}

/** A toggle and, under it, what is happening or who made the last change. */
function ToggleCell({ label, field, words, controls, disabled, shortcut }: ToggleCellProps) {
  const on = controls.shown(field);
  const pending = controls.pending(field);
  const [pendingOn, pendingOff, stateOn, stateOff] = words;
  const status = pending
    ? on
      ? pendingOn
      : pendingOff
    : (controls.provenance[field] ?? (on ? stateOn : stateOff));
  return (
    <div className="toggle-cell">
      <ToggleButton
        label={label}
        pressed={on}
        pending={pending}
        disabled={disabled}
        shortcut={shortcut}
        onToggle={(next) => controls.request(field, next)}
      />
      <span className="toggle-status" data-testid={`${label.toLowerCase()}-status`}>
        {status}
      </span>
    </div>
  );
}

function ParticipantControls({ call, participantId }: { call: Call; participantId: string }) {
  const participant = call.participants.find((p) => p.id === participantId)!;
  const controls = useParticipantControls(call, participant);
  const root = useRef<HTMLDivElement>(null);
  const muted = controls.shown('muted');
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
        <ToggleCell
          label="Mute"
          field="muted"
          words={['Muting…', 'Unmuting…', 'Muted', 'Not muted']}
          controls={controls}
          disabled={!connected}
          shortcut={MUTE_SHORTCUT}
        />
        <ToggleCell
          label="Hold"
          field="held"
          words={['Holding…', 'Resuming…', 'On hold', 'Not on hold']}
          controls={controls}
          disabled={!connected}
        />
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
