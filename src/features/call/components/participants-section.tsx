import { useId, useState } from 'react';
import { PanelBoundary } from '../../../components/ui/panel-boundary';
import { retryableLazy } from '../../../components/ui/retryable-lazy';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { supervisorsOn, visibleParticipants } from '../../../domain/call-selectors';
import { useT } from '../../../i18n/use-t';
import type { Call } from '../../../platform/types';
import { useParticipantName } from '../../../directory/use-participant-name';

const ParticipantList = retryableLazy(() => import('./participant-list'));

function SupervisorNote({ call, myId }: { call: Call; myId: string }) {
  const t = useT();
  const supervisor = supervisorsOn(call, myId)[0];
  const name = useParticipantName(supervisor);
  if (!supervisor) return null;
  return (
    <p className="supervisor-note" role="note">
      {withSlot(
        t(supervisor.coachedParticipantId ? 'supervisor.coaching' : 'supervisor.barged', {
          name: SLOT,
        }),
        name ? <UntrustedText text={name} max={80} /> : t('supervisor.someone'),
      )}
    </p>
  );
}

/**
 * A one-line summary of who is on the call that expands into the list (a lazy chunk). Coaching
 * and barge-in are always visible: the agent must know a supervisor can hear them.
 */
export function ParticipantsSection({ call, myId }: { call: Call; myId?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const count = visibleParticipants(call).length;
  return (
    <section className="participants" aria-labelledby={`${regionId}-title`}>
      {myId ? <SupervisorNote call={call} myId={myId} /> : null}
      <h3 id={`${regionId}-title`} className="participants-title">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((v) => !v)}
        >
          {t('participants.summary', { count })}
        </button>
      </h3>
      <div id={regionId} hidden={!open}>
        {open ? (
          <PanelBoundary
            panel="participants"
            lazies={[ParticipantList]}
            fallback={<p className="muted">{t('loading')}</p>}
          >
            <ParticipantList call={call} myId={myId} />
          </PanelBoundary>
        ) : null}
      </div>
    </section>
  );
}
