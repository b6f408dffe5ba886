import { useState } from 'react';
import {
  hiddenEndedCount,
  readableNumber,
  visibleParticipants,
} from '../../../domain/call-selectors';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { Call, Participant } from '../../../platform/types';
import { useParticipantView } from '../../../calls/use-intents';
import { roleId, stateId } from '../participants';
import { useParticipantName } from '../../../directory/use-participant-name';

function ParticipantRow({
  conversationId,
  leg,
  me,
}: {
  conversationId: string;
  leg: Participant;
  me: boolean;
}) {
  const t = useT();
  // The same view the mute and hold toggles show: a pending change is overlaid, and marked.
  const { participant: p, pending } = useParticipantView(conversationId, leg);
  const unconfirmed = pending.muted || pending.held;
  const name = useParticipantName(p);
  const from = readableNumber(p.ani);
  const to = readableNumber(p.dnis);
  const meta = [
    t(roleId(p)),
    t(stateId(p)),
    p.direction !== 'unknown'
      ? t(p.direction === 'inbound' ? 'direction.inbound' : 'direction.outbound')
      : '',
    p.muted ? t('participant.muted') : '',
  ].filter(Boolean);
  return (
    <li
      className={`participant state-${p.state}`}
      data-participant-id={p.id}
      data-pending={unconfirmed ? 'true' : undefined}
      aria-busy={unconfirmed || undefined}
    >
      <span className="participant-name">
        {withSlot(
          me ? t('participant.you', { name: SLOT }) : SLOT,
          // A leg's name comes from outside (the caller id): isolated, bounded, whole on demand.
          name ? <UntrustedText text={name} expandable /> : t(roleId(p)),
        )}
      </span>
      <span className="participant-meta">{meta.join(' · ')}</span>
      {p.purpose === 'customer' && (from || to) ? (
        <span className="participant-meta">
          {[
            from ? t('participant.from', { number: from }) : '',
            to ? t('participant.to', { number: to }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      ) : null}
    </li>
  );
}

/** Everyone on the call the agent may see (never a silent monitor); ended legs on request. */
export default function ParticipantList({ call, myId }: { call: Call; myId?: string }) {
  const t = useT();
  const [showEnded, setShowEnded] = useState(false);
  const hidden = hiddenEndedCount(call);
  return (
    <>
      <ul className="participant-list">
        {visibleParticipants(call, { includeEnded: showEnded }).map((p) => (
          <ParticipantRow key={p.id} conversationId={call.id} leg={p} me={p.id === myId} />
        ))}
      </ul>
      {hidden > 0 ? (
        <button
          type="button"
          className="link-button"
          aria-pressed={showEnded}
          onClick={() => setShowEnded((v) => !v)}
        >
          {t('participants.showEnded', { count: hidden })}
        </button>
      ) : null}
    </>
  );
}
