import { memo, type ReactNode } from 'react';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useNow } from '../../../time/use-now';
import { useQueueName, useUserName } from '../../../directory/use-names';
import { useFlag, type IntentView } from '../../../calls/use-intents';
import type { LiveRow } from '../live-row';
import type { LiveTableModel } from '../live-table-model';
import { useSupervisorT } from '../text';
import { COLUMNS } from './columns';
import { useRow } from './use-model';

function Cell({
  col,
  rowId,
  activeCol,
  title,
  children,
}: {
  col: number;
  rowId: string;
  activeCol: number;
  title?: string;
  children: ReactNode;
}) {
  const active = activeCol === col;
  return (
    <div
      role="gridcell"
      aria-colindex={col + 1}
      tabIndex={active ? 0 : -1}
      className={`supervisor-cell supervisor-cell-${COLUMNS[col]!.key}`}
      title={title}
      data-cell=""
      data-col={col}
      data-row-id={rowId}
      data-active-cell={active ? 'true' : undefined}
    >
      {children}
    </div>
  );
}

function Duration({ since }: { since: number }) {
  const t = useSupervisorT();
  return <>{t.duration(Math.max(0, useNow() - since))}</>;
}

/**
 * When the panel saw the latest mute or hold change that it did not make (never a name; the
 * platform does not say who), or -1 when it saw none.
 */
function useOutsideChange(row: LiveRow): number {
  const participantId = row.agentParticipantId ?? '';
  const muted = useFlag(row.id, participantId, 'muted');
  const held = useFlag(row.id, participantId, 'held');
  if (!row.agentParticipantId) return -1;
  return Math.max(outsideAt(muted), outsideAt(held));
}

function outsideAt(view: IntentView<boolean>): number {
  const p = view.provenance;
  return p && !p.ours && !p.unsure && p.value === view.shown ? p.at : -1;
}

function Flags({ row }: { row: LiveRow }) {
  const t = useSupervisorT();
  const at = useOutsideChange(row);
  if (row.muted === undefined && row.held === undefined) return null;
  const text = row.muted
    ? t(row.held ? 'supervisor.flags.mutedHeld' : 'supervisor.flags.muted')
    : t(row.held ? 'supervisor.flags.held' : 'supervisor.flags.none');
  return (
    <>
      <span className={row.muted || row.held ? 'supervisor-flag-on' : 'muted'}>{text}</span>
      {row.asOf !== undefined ? (
        <span
          className="supervisor-as-of"
          data-testid="row-as-of"
          title={t(row.unreadable ? 'supervisor.row.unreadableFull' : 'supervisor.row.asOfFull', {
            time: new Date(row.asOf),
          })}
        >
          {t('supervisor.row.asOf', { time: t.shortClock(row.asOf) })}
        </span>
      ) : at >= 0 ? (
        <span
          className="supervisor-provenance"
          title={t('supervisor.flags.outsideFull', { time: new Date(at) })}
        >
          {t('supervisor.flags.outside', { time: t.shortClock(at) })}
        </span>
      ) : null}
    </>
  );
}

interface GridRowProps {
  model: LiveTableModel;
  id: string;
  index: number;
  rowHeight: number;
  /** The columns shown (indices into COLUMNS): fewer in a narrow grid. */
  columns: readonly number[];
  /** The active column when this row holds the active cell, else -1. */
  activeCol: number;
  opened: boolean;
  onOpen(id: string): void;
}

/** One call; re-renders only when its own row (or its active cell) changed. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { model, id, index, rowHeight, columns, activeCol, opened, onOpen } = props;
  const t = useSupervisorT();
  const row = useRow(model, id);
  const agent = useUserName(row?.agentUserId);
  const queue = useQueueName(row?.queueId);
  if (!row) return null;
  const reading = t(row.unreadable ? 'supervisor.notReadable' : 'supervisor.notRead');
  const agentText = row.agentUserId
    ? (agent ?? t('supervisor.nameLoading'))
    : t('supervisor.noAgent');
  const customer = row.customer ?? t('supervisor.withheld');
  const queueText = queue ?? t('supervisor.queue.unnamed');
  const cell = { rowId: id, activeCol };
  // Names and numbers come from outside: isolated, invisible characters shown, bounded.
  const cells = [
    <Cell key={0} col={0} title={displayString(agentText, { max: TITLE_MAX })} {...cell}>
      <span>
        <UntrustedText text={agentText} max={80} />
      </span>
    </Cell>,
    <Cell key={1} col={1} title={displayString(customer, { max: TITLE_MAX })} {...cell}>
      <span>
        <UntrustedText text={customer} max={80} />
      </span>
    </Cell>,
    <Cell key={2} col={2} title={displayString(queueText, { max: TITLE_MAX })} {...cell}>
      <span>
        <UntrustedText text={queueText} max={80} />
      </span>
    </Cell>,
    <Cell key={3} col={3} {...cell}>
      {row.since !== undefined ? <Duration since={row.since} /> : reading}
    </Cell>,
    <Cell key={4} col={4} {...cell}>
      <span className={`supervisor-state supervisor-state-${row.state}`}>
        {t(`supervisor.state.${row.state}`)}
      </span>
    </Cell>,
    <Cell key={5} col={5} {...cell}>
      {row.complete ? <Flags row={row} /> : reading}
    </Cell>,
    <Cell key={6} col={6} {...cell}>
      {row.recording === undefined
        ? reading
        : t(row.recording ? 'supervisor.recording.on' : 'supervisor.recording.off')}
    </Cell>,
    <Cell key={7} col={7} {...cell}>
      {row.playback === undefined ? reading : t(`supervisor.playback.${row.playback}`)}
    </Cell>,
  ];
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-current={opened ? 'true' : undefined}
      className={`supervisor-row${opened ? ' is-open' : ''}${row.complete ? '' : ' is-partial'}${row.asOf === undefined ? '' : ' is-owed'}`}
      style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
      data-conversation-id={id}
      data-state={row.state}
      data-muted={row.muted === undefined ? 'unknown' : String(row.muted)}
      data-held={row.held === undefined ? 'unknown' : String(row.held)}
      data-as-of={row.asOf === undefined ? undefined : 'true'}
      onClick={() => onOpen(id)}
    >
      {columns.map((col) => cells[col])}
    </div>
  );
});
