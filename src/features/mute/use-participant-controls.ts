import { useEffect, useEffectEvent, useReducer, useState } from 'react';
import { explainError, NOT_CONFIRMED } from '../../lib/explain-error';
import {
  ParticipantIntents,
  type FlagChange,
  type IntentOutcome,
  type ToggleField,
} from '../../lib/participant-intents';
import { useServices } from '../../lib/services';
import type { Call, Participant } from '../../platform/types';
import { describeChange, sourceOf } from './provenance';

/** Wait this long for the notification that confirms a change before rolling it back. */
export const CONFIRM_TIMEOUT_MS = 5000;

export const actionName = (field: ToggleField, value: boolean) =>
  field === 'muted'
    ? value
      ? 'mute'
      : 'unmute'
    : value
      ? 'put the call on hold'
      : 'resume the call';

/**
 * Mute and hold for one participant: intents (pending → confirmed or rolled back), provenance
 * of every confirmed change, and problems in the agent's words, all announced.
 */
export function useParticipantControls(call: Call, participant: Participant) {
  const { platform, resync, ui, onUnauthorized } = useServices();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [provenance, setProvenance] = useState<Partial<Record<ToggleField, string>>>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [intents] = useState(
    () =>
      new ParticipantIntents(
        { muted: participant.muted, held: participant.held },
        {
          send: (change) => platform.changeParticipant(call.id, participant.id, change),
          confirmTimeoutMs: CONFIRM_TIMEOUT_MS,
          reread: () => void resync().catch(() => undefined),
        },
      ),
  );

  const onChange = useEffectEvent(({ field, value, ours }: FlagChange) => {
    const text = describeChange(field, value, sourceOf(ours, call, participant));
    setProvenance((previous) => ({ ...previous, [field]: text }));
    if (ours) setProblem(undefined);
    ui.getState().announce(text);
  });
  const onOutcome = useEffectEvent((outcome: IntentOutcome) => {
    const action = actionName(outcome.field, outcome.value);
    const text =
      outcome.kind === 'failed' ? explainError(outcome.error, action) : NOT_CONFIRMED(action);
    setProblem(text);
    ui.getState().announce(text);
    if (outcome.kind === 'failed' && outcome.error.kind === 'unauthorized') onUnauthorized();
  });
  useEffect(
    () =>
      intents.listen({
        onChange: (c) => onChange(c),
        onOutcome: (o) => onOutcome(o),
        onUpdate: rerender,
      }),
    [intents],
  );

  useEffect(() => {
    intents.confirm({ muted: participant.muted, held: participant.held });
  }, [intents, participant.muted, participant.held]);

  useEffect(() => {
    intents.revive();
    return () => intents.dispose();
  }, [intents]);

  return {
    shown: (field: ToggleField) => intents.shown(field),
    pending: (field: ToggleField) => intents.isPending(field),
    request: (field: ToggleField, value: boolean) => intents.request(field, value),
    provenance,
    problem,
    dismissProblem: () => setProblem(undefined),
  };
}
