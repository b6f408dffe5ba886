import type { ReactNode } from 'react';
import { isCallEnded, myParticipant } from '../../../domain/call-selectors';
import { useT } from '../../../i18n/use-t';
import type { Call } from '../../../platform/types';
import { endedReasonId } from '../participants';
import { CallHeader } from './call-header';
import { CallParties, type PartyControlsRenderer } from './call-parties';

export type { PartyControlsRenderer };
import { ParticipantsSection } from './participants-section';
import { StaleBanner, useStaleSince } from './stale-banner';

export interface CallCardProps {
  call: Call;
  userId: string;
  /**
   * The controls for this call (mute, hold…), composed in by the widget; kept mounted after the
   * call ends (they show nothing then, but the mute shortcut still answers for the call in view).
   */
  controls?: ReactNode;
  /** A line under the header about another call (e.g. the offer to show the live one). */
  notice?: ReactNode;
  /** More panels under the controls (call data, playback…), composed in by the widget. */
  children?: ReactNode;
  /** Controls for another party of a conference (mute, hold), composed in by the widget. */
  renderPartyControls?: PartyControlsRenderer;
}

/** One call: header, the agent's controls, who is on it; marked when it may be out of date. */
export function CallCard({
  call,
  userId,
  controls,
  notice,
  children,
  renderPartyControls,
}: CallCardProps) {
  const t = useT();
  const me = myParticipant(call, userId);
  const ended = isCallEnded(call, userId);
  const staleSince = useStaleSince();
  return (
    <article
      className={`call-card${staleSince !== undefined ? ' is-stale' : ''}`}
      aria-labelledby={`call-title-${call.id}`}
      data-conversation-id={call.id}
    >
      {/* The call and its controls; beside it on a wide screen, under it on a narrow one, its
          panels. The controls stay in view while the panels scroll (see call-card.css). */}
      <div className="call-main">
        {staleSince !== undefined ? <StaleBanner since={staleSince} /> : null}
        <CallHeader call={call} userId={userId} />
        {ended ? (
          <p className="call-ended" role="note">
            {t(endedReasonId(call, userId))}
          </p>
        ) : null}
        {notice}
        {controls}
        {ended ? null : (
          <CallParties call={call} userId={userId} renderControls={renderPartyControls} />
        )}
        <ParticipantsSection call={call} myId={me?.id} />
      </div>
      {children ? <div className="call-panels">{children}</div> : null}
    </article>
  );
}
