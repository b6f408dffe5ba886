import { useId, useMemo, type ReactNode } from 'react';
import { callShape, partyStatus, type CallShape, type Party } from '../../../domain/call-shape';
import { useParticipantName } from '../../../directory/use-participant-name';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { Call } from '../../../platform/types';
import { useParticipantView } from '../../../calls/use-intents';
import { PARTY_STATUS, roleId } from '../participants';

/** Controls for another party of a conference (mute, hold), composed in by the widget. */
export type PartyControlsRenderer = (call: Call, party: Party, shape: CallShape) => ReactNode;

/**
 * Who else is on a consult or a conference and how each of them is doing (talking, on hold,
 * confined, ringing, waiting in a queue), with the consult's target marked, as the legs say it.
 * A conference party's controls come from the widget. A plain two-party call shows nothing here:
 * the header already says who the agent is talking to.
 */
export function CallParties({
  call,
  userId,
  renderControls,
}: {
  call: Call;
  userId: string;
  renderControls?: PartyControlsRenderer;
}) {
  const t = useT();
  const titleId = useId();
  const shape = useMemo(() => callShape(call, userId), [call, userId]);
  const target = shape.consult?.destination;
  const targetName = useParticipantName(target);
  if (shape.kind === 'plain') return null;
  const others = shape.parties.length;
  return (
    <section className="call-parties" aria-labelledby={titleId} data-shape={shape.kind}>
      <h3 id={titleId} className="call-parties-title">
        {shape.kind === 'consult'
          ? withSlot(
              t('shape.consulting', { name: SLOT }),
              targetName ? <UntrustedText text={targetName} max={80} /> : t(roleId(target!)),
            )
          : t('shape.conference', { count: others })}
      </h3>
      <ul className="parties-now">
        {shape.parties.map((party) => (
          <PartyRow
            key={party.leg.id}
            call={call}
            party={party}
            controls={
              shape.kind === 'conference' && party.status !== 'ringing'
                ? renderControls?.(call, party, shape)
                : null
            }
          />
        ))}
      </ul>
    </section>
  );
}

function PartyRow({ call, party, controls }: { call: Call; party: Party; controls: ReactNode }) {
  const t = useT();
  // The same view the party's toggles show: a pending change is overlaid, and marked.
  const { participant, pending } = useParticipantView(call.id, party.leg);
  const name = useParticipantName(participant);
  const status = partyStatus(participant);
  const words = [
    t(PARTY_STATUS[status]),
    participant.muted ? t('participant.muted') : '',
    party.consultTarget ? t('party.consultTarget') : '',
  ].filter(Boolean);
  const unconfirmed = pending.muted || pending.held;
  return (
    <li
      className="party-row"
      data-participant-id={participant.id}
      data-party-status={status}
      data-pending={unconfirmed ? 'true' : undefined}
    >
      <span className="party-text">
        <span
          className="party-name"
          title={name ? displayString(name, { max: TITLE_MAX }) : undefined}
        >
          {name ? <UntrustedText text={name} max={80} /> : t(roleId(participant))}
        </span>
        <span className="party-status">{words.join(' · ')}</span>
      </span>
      {controls}
    </li>
  );
}
