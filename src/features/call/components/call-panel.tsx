import type { ReactNode } from 'react';
import type { Call } from '../../../platform/types';
import { isCallEnded, myParticipant } from '../../../realtime/call-cache';
import { customerOf, displayAddress, endedReason } from '../participants';
import { CallTimers } from './call-timers';
import { ParticipantList } from './participant-list';

export interface CallPanelProps {
  call: Call;
  userId: string;
  /** Controls for this call (mute, hold…), composed in by the widget. */
  controls?: ReactNode;
}

export function CallPanel({ call, userId, controls }: CallPanelProps) {
  const me = myParticipant(call, userId);
  const ended = isCallEnded(call, userId);
  const customer = customerOf(call);
  const title = customer?.name || displayAddress(customer?.ani) || 'Call';
  return (
    <article
      className="call-panel"
      aria-labelledby={`call-title-${call.id}`}
      data-conversation-id={call.id}
    >
      <header className="call-header">
        <h2 id={`call-title-${call.id}`}>{title}</h2>
        <p className="call-state">
          {ended
            ? 'Call ended'
            : me?.state === 'alerting'
              ? 'Ringing'
              : me?.held
                ? 'On hold'
                : 'Connected'}
          {customer?.ani ? ` · ${displayAddress(customer.ani)}` : ''}
        </p>
        <CallTimers me={me} ended={ended} />
      </header>
      {ended ? (
        <p className="call-ended" role="note">
          {endedReason(me)}
        </p>
      ) : (
        controls
      )}
      <ParticipantList call={call} myId={me?.id} />
    </article>
  );
}
