import type { Call } from '../../../platform/types';
import { displayAddress, roleLabel, visibleParticipants } from '../participants';

export function ParticipantList({ call, myId }: { call: Call; myId?: string }) {
  const participants = visibleParticipants(call);
  return (
    <section aria-labelledby={`participants-${call.id}`} className="participants">
      <h3 id={`participants-${call.id}`}>Participants</h3>
      <ul>
        {participants.map((p) => (
          <li key={p.id} className={`participant state-${p.state}`} data-participant-id={p.id}>
            <span className="participant-name">
              {p.name || displayAddress(p.ani) || 'Unknown'}
              {p.id === myId ? ' (you)' : ''}
            </span>
            <span className="participant-meta">
              {roleLabel(p)} · {p.state}
              {p.direction !== 'unknown' ? ` · ${p.direction}` : ''}
              {p.held ? ' · on hold' : ''}
              {p.muted ? ' · muted' : ''}
            </span>
            {p.purpose === 'customer' && (p.ani || p.dnis) ? (
              <span className="participant-meta">
                {p.ani ? `From ${displayAddress(p.ani)}` : ''}
                {p.ani && p.dnis ? ' · ' : ''}
                {p.dnis ? `To ${displayAddress(p.dnis)}` : ''}
              </span>
            ) : null}
            {p.queueName && p.purpose !== 'acd' ? (
              <span className="participant-meta">Queue: {p.queueName}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
