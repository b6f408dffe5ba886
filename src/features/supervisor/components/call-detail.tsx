import { useEffect, useId, useRef, useState } from 'react';
import { customerOf, isCallOver, isLegEnded, readableNumber } from '../../../domain/call-selectors';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useNow } from '../../../time/use-now';
import { useQueueName, useUserName } from '../../../directory/use-names';
import type { SupervisionApi } from '../../../platform/supervision';
import type { Call, CurrentUser, Participant } from '../../../platform/types';
import { useRetainedCall } from '../../../calls/use-call';
import { currentQueueId, rowFromCall } from '../live-row';
import { maskNumber } from '../mask-number';
import { legState, roleOf } from '../supervisor-legs';
import { useSupervisorT } from '../text';
import { SupervisionActions } from './supervision-actions';

function Leg({ p, userId }: { p: Participant; userId: string }) {
  const t = useSupervisorT();
  const isPerson = p.purpose === 'agent' || p.purpose === 'user';
  const user = useUserName(isPerson ? p.userId : undefined);
  const queue = useQueueName(p.purpose === 'acd' ? p.queueId : undefined);
  const role = t(`supervisor.role.${roleOf(p)}`);
  const shown = isPerson
    ? user
    : p.purpose === 'customer' || p.purpose === 'external'
      ? (maskNumber(p.ani ?? p.address) ?? t('supervisor.withheld'))
      : p.purpose === 'acd'
        ? (queue ?? p.name)
        : p.name;
  const name = shown ? <UntrustedText text={shown} expandable /> : role;
  const meta = [role, t('supervisor.leg.state', { state: legState(p) })];
  if (p.muted) meta.push(t('supervisor.leg.muted'));
  return (
    <li className={`participant state-${p.state}`} data-participant-id={p.id}>
      <span className="participant-name">
        {p.userId === userId ? withSlot(t('supervisor.detail.you', { name: SLOT }), name) : name}
      </span>
      <span className="participant-meta">{meta.join(' · ')}</span>
    </li>
  );
}

function Summary({ call }: { call: Call }) {
  const t = useSupervisorT();
  const row = rowFromCall(call);
  const over = isCallOver(call);
  const now = useNow(!over);
  const queue = useQueueName(currentQueueId(call)) ?? t('supervisor.queue.unnamed');
  const end = Math.max(...call.participants.map((p) => p.endTime ?? 0));
  const duration = row.since === undefined ? '' : t.duration((over ? end : now) - row.since);
  // What a narrow grid leaves out (mute / hold, recording, playback) is here for every width.
  const facts = [
    [
      'supervisor.col.flags',
      row.muted === undefined && row.held === undefined
        ? undefined
        : t(
            row.muted
              ? row.held
                ? 'supervisor.flags.mutedHeld'
                : 'supervisor.flags.muted'
              : row.held
                ? 'supervisor.flags.held'
                : 'supervisor.flags.none',
          ),
    ],
    [
      'supervisor.col.recording',
      row.recording === undefined
        ? undefined
        : t(row.recording ? 'supervisor.recording.on' : 'supervisor.recording.off'),
    ],
    [
      'supervisor.col.playback',
      row.playback === undefined ? undefined : t(`supervisor.playback.${row.playback}`),
    ],
  ] as const;
  return (
    <>
      <p className="call-details">
        {t('supervisor.detail.summary', {
          queue,
          state: t(`supervisor.state.${row.state}`),
          duration,
        })}
      </p>
      <dl className="supervisor-detail-facts">
        {facts.map(([label, value]) =>
          value === undefined ? null : (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ),
        )}
      </dl>
    </>
  );
}

/**
 * One call, read-only and live: who is on it (monitors included: only agents never see them),
 * in what state; monitor / coach / barge for a supervisor with the permission. Escape closes.
 */
export function CallDetail({
  conversationId,
  user,
  api,
  onClose,
}: {
  conversationId: string;
  user: CurrentUser;
  api: SupervisionApi;
  onClose(): void;
}) {
  const t = useSupervisorT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  // Held while open: its last state stays after it leaves the queue lists.
  const call = useRetainedCall(conversationId);
  useEffect(() => {
    opener.current = document.activeElement;
    heading.current?.focus();
    return () => (opener.current as HTMLElement | null)?.focus?.({ preventScroll: true });
  }, []);
  const customer = call && customerOf(call);
  const caller =
    maskNumber(customer?.ani ?? customer?.address) ??
    (readableNumber(customer?.ani) || t('supervisor.withheld'));
  const legs =
    call?.participants.filter((p) => showEnded || !isLegEnded(p) || p.purpose === 'customer') ?? [];
  const ended = call
    ? call.participants.filter((p) => isLegEnded(p) && p.purpose !== 'customer').length
    : 0;
  return (
    <section
      className="supervisor-detail call-card"
      aria-labelledby={id}
      data-conversation-id={conversationId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="supervisor-detail-head">
        <h3 id={id} ref={heading} tabIndex={-1} className="call-title">
          {t('supervisor.detail.title', { caller })}
        </h3>
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('supervisor.detail.close')}
        </button>
      </header>
      {!call ? (
        <p className="notice">{t('supervisor.detail.gone')}</p>
      ) : (
        <>
          <Summary call={call} />
          {isCallOver(call) ? (
            <p className="call-ended" role="note">
              {t('supervisor.detail.ended')}
            </p>
          ) : (
            <SupervisionActions call={call} user={user} api={api} />
          )}
          <h4 className="participants-title">{t('supervisor.detail.participants')}</h4>
          <ul className="participant-list">
            {legs.map((p) => (
              <Leg key={p.id} p={p} userId={user.id} />
            ))}
          </ul>
          {ended > 0 ? (
            <button
              type="button"
              className="link-button"
              aria-pressed={showEnded}
              onClick={() => setShowEnded((v) => !v)}
            >
              {t('supervisor.detail.showEnded', { count: ended })}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
