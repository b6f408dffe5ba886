import { Fragment, type ReactNode } from 'react';
import {
  customerOf,
  isCallEnded,
  myParticipant,
  queueIdOf,
  readableNumber,
} from '../../../domain/call-selectors';
import { callShape } from '../../../domain/call-shape';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import { useQueueName } from '../../../directory/use-names';
import type { Call } from '../../../platform/types';
import { callStatus } from '../selection';
import { useParticipantName } from '../../../directory/use-participant-name';
import { CallTimer } from './call-timer';
import { StatusBadge } from './status-badge';

/** Who is calling, on which number and queue, for how long, and in what state. */
export function CallHeader({ call, userId }: { call: Call; userId: string }) {
  const t = useT();
  const me = myParticipant(call, userId);
  const customer = customerOf(call);
  const ended = isCallEnded(call, userId);
  const name = useParticipantName(customer);
  const number = readableNumber(customer?.ani);
  const queueId = queueIdOf(call);
  const queueName =
    useQueueName(queueId) ?? call.participants.find((p) => p.purpose === 'acd')?.name;
  const start = me?.connectedTime ?? me?.startTime;
  const dialled = callShape(call, userId).dialled;
  const dialledNumber = readableNumber(dialled?.dnis ?? dialled?.address);
  // The queue's name is the one untrusted part of the details line (numbers are read as digits).
  const plain = [
    dialled
      ? dialledNumber && dialledNumber !== name
        ? t('call.outbound', { number: dialledNumber })
        : t('call.outboundUnknown')
      : '',
    !dialled && name && number && name !== number ? number : '',
  ].filter(Boolean);
  const queueLine = queueName ? t('call.queue', { queue: SLOT }) : '';
  const details: ReactNode[] = [
    ...plain,
    ...(queueName ? [withSlot(queueLine, <UntrustedText text={queueName} max={80} />)] : []),
  ];
  const detailsTitle = [
    ...plain,
    ...(queueName ? [queueLine.replace(SLOT, displayString(queueName, { max: TITLE_MAX }))] : []),
  ].join(' · ');
  return (
    <header className="call-header">
      <div className="call-title-row">
        <h2
          id={`call-title-${call.id}`}
          className="call-title"
          title={name ? displayString(name, { max: TITLE_MAX }) : undefined}
        >
          {name ? <UntrustedText text={name} /> : t('call.unknownCaller')}
        </h2>
        <StatusBadge status={callStatus(call, userId)} />
        {start !== undefined ? (
          <CallTimer
            className="call-timer"
            testId="call-timer"
            from={start}
            end={ended ? (me?.endTime ?? start) : undefined}
          />
        ) : null}
      </div>
      {/* One line, always there (empty while names load; the hold timer leads it while held),
          so nothing below moves when names arrive or the call is held. */}
      <p className="call-details" title={detailsTitle || undefined}>
        {me?.held && me.startHoldTime !== undefined && !ended ? (
          <span className="hold-line">
            {t('call.onHoldFor')} <CallTimer testId="hold-timer" from={me.startHoldTime} />
            {details.length > 0 ? ' · ' : ''}
          </span>
        ) : null}
        {details.map((part, i) => (
          <Fragment key={i}>
            {i > 0 ? ' · ' : null}
            {part}
          </Fragment>
        ))}
      </p>
    </header>
  );
}
