import type { Call, Participant } from '../../platform/types';
import type { ToggleField } from '../../lib/participant-intents';

export type ChangeSource = { by: 'you' } | { by: 'supervisor'; name: string } | { by: 'genesys' };

/**
 * Who caused a mute/hold change that the notification shows. Ours if a request of ours explains
 * it; a supervisor's if one is coaching or has barged in on this participant; otherwise another
 * Genesys Cloud client. A silent monitor is never named: that would reveal the monitoring.
 */
export function sourceOf(ours: boolean, call: Call, participant: Participant): ChangeSource {
  if (ours) return { by: 'you' };
  const supervisor = call.participants.find(
    (p) =>
      p.id !== participant.id &&
      p.state === 'connected' &&
      !p.monitoredParticipantId &&
      (p.coachedParticipantId === participant.id || p.bargedParticipantId === participant.id),
  );
  return supervisor
    ? { by: 'supervisor', name: supervisor.name || 'a supervisor' }
    : { by: 'genesys' };
}

const WORDS: Record<ToggleField, [on: string, off: string]> = {
  muted: ['Muted', 'Unmuted'],
  held: ['On hold', 'Resumed'],
};

/** "Muted by you", "Unmuted in Genesys Cloud", "On hold by supervisor Sam". */
export function describeChange(field: ToggleField, value: boolean, source: ChangeSource): string {
  const verb = WORDS[field][value ? 0 : 1];
  if (source.by === 'you') return `${verb} by you`;
  if (source.by === 'supervisor') return `${verb} by supervisor ${source.name}`;
  return `${verb} in Genesys Cloud`;
}
