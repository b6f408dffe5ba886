import { Mic, MicOff, Pause, Play } from 'lucide-react';
import { ProblemText } from '../../../components/ui/problem-text';
import { useParticipantName } from '../../../directory/use-participant-name';
import { useT } from '../../../i18n/use-t';
import { useCallActions, useParticipantView, type FlagField } from '../../../calls/use-intents';
import type { Participant } from '../../../platform/types';
import { message } from '../../../i18n/message';
import { problemOf } from '../flag-problem';

export interface PartyTogglesProps {
  conversationId: string;
  leg: Participant;
  /** The platform lets a party of this conference be held (not on an ACD call). */
  canHold: boolean;
}

/**
 * Mute (and hold, where the platform allows it) for another party of a conference, with the
 * same intent rules as the agent's own toggles: each click names the value it wants, the button
 * shows it at once marked as pending, and the server's word confirms or rolls it back.
 */
export default function PartyToggles({ conversationId, leg, canHold }: PartyTogglesProps) {
  const t = useT();
  const { requestFlag, dismiss } = useCallActions();
  const { flags } = useParticipantView(conversationId, leg);
  const name = useParticipantName(leg) ?? t('call.unknownCaller');
  const fields: FlagField[] = canHold ? ['muted', 'held'] : ['muted'];
  const live = leg.state === 'connected';
  const problems = fields.flatMap((field) => {
    const problem = problemOf(field, flags[field], (f, value) =>
      message(
        f === 'muted'
          ? value
            ? 'party.action.mute'
            : 'party.action.unmute'
          : value
            ? 'party.action.hold'
            : 'party.action.resume',
        { name },
      ),
    );
    return problem ? [{ field, problem }] : [];
  });
  return (
    <div className="party-toggles" role="group" aria-label={t('party.controlsLabel', { name })}>
      {fields.map((field) => {
        const view = flags[field];
        const on = view.shown === true;
        // As on the agent's own toggles: the icon shows the state, the colour confirms it.
        const Icon = field === 'muted' ? (on ? MicOff : Mic) : on ? Play : Pause;
        const label = t(field === 'muted' ? 'party.mute' : 'party.hold', { name });
        return (
          <button
            key={field}
            type="button"
            className={`party-toggle party-toggle-${field}`}
            aria-pressed={on}
            title={label}
            aria-busy={view.pending}
            data-pending={view.pending ? 'true' : 'false'}
            disabled={!live}
            onClick={() => requestFlag(conversationId, leg.id, field, !on)}
          >
            <Icon size={16} aria-hidden="true" />
            <span className="visually-hidden">{label}</span>
            {view.pending ? <span className="toggle-spinner" aria-hidden="true" /> : null}
          </button>
        );
      })}
      {fields.some((field) => flags[field].pending) ? (
        <span className="party-pending">{t('party.pending')}</span>
      ) : null}
      {problems.map(({ field, problem }) => (
        <div key={field} role="alert" className="inline-alert">
          <p>
            <ProblemText problem={problem} />
          </p>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => dismiss(conversationId, leg.id, 'flags', field)}
          >
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
