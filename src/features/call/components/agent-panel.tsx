import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { customerOf, isCallEnded, readableNumber } from '../../../domain/call-selectors';
import { message } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useConnection, useServices, useUi } from '../../../services/widget-services';
import type { Call } from '../../../platform/types';
import { useCall, useCallIds, useCalls } from '../../../calls/use-call';
import { chooseCall } from '../selection';
import { CallCard } from './call-card';
import { CallSwitcher } from './call-switcher';
import { PinnedCall } from './pinned-call';

export interface AgentPanelProps {
  userId: string;
  /** Interaction-widget mode: the one conversation this instance is for. */
  pinnedId?: string;
  renderControls?: (call: Call) => ReactNode;
  renderExtras?: (call: Call) => ReactNode;
}

/** The agent's calls: the one being worked, a switcher for the others, new calls announced. */
export function AgentPanel(props: AgentPanelProps) {
  const ids = useCallIds(props.userId);
  const t = useT();
  if (!ids) return <p className="muted">{t('calls.loading')}</p>;
  if (props.pinnedId)
    return <PinnedCall {...props} pinnedId={props.pinnedId} known={ids.includes(props.pinnedId)} />;
  return <CallList {...props} ids={ids} />;
}

function CallList({
  userId,
  ids,
  renderControls,
  renderExtras,
}: AgentPanelProps & { ids: string[] }) {
  const { calls, ui } = useServices();
  const selected = useUi((s) => s.selectedCallId);
  const shown = chooseCall(ids, selected, (id) => calls.get(id), userId);
  useEffect(() => {
    if (shown !== selected) ui.getState().selectCall(shown);
  }, [shown, selected, ui]);
  useAnnounceNewCalls(ids, userId);
  const switchable = useSwitchableIds(ids, userId, shown);
  const call = useCall(shown);
  return (
    <>
      {switchable.length > 1 ? (
        <CallSwitcher
          ids={switchable}
          userId={userId}
          selected={shown}
          onSelect={(id) => ui.getState().selectCall(id)}
        />
      ) : null}
      {call ? (
        <CallCard key={call.id} call={call} userId={userId} controls={renderControls?.(call)}>
          {renderExtras?.(call)}
        </CallCard>
      ) : (
        <EmptyState />
      )}
    </>
  );
}

/** Active calls, plus the shown one if it has ended (it stays until the agent moves on). */
function useSwitchableIds(ids: string[], userId: string, shown: string | undefined): string[] {
  const combine = useCallback(
    (calls: readonly (Call | undefined)[]) =>
      ids.filter((id, i) => {
        const call = calls[i];
        return id === shown || (call !== undefined && !isCallEnded(call, userId));
      }),
    [ids, userId, shown],
  );
  return useCalls(ids, combine);
}

function useAnnounceNewCalls(ids: string[], userId: string): void {
  const { calls, ui } = useServices();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = new Set(ids);
    if (!previous) return;
    for (const id of ids) {
      if (previous.has(id)) continue;
      const call = calls.get(id);
      if (!call || isCallEnded(call, userId)) continue;
      const customer = customerOf(call);
      const caller = customer?.name || readableNumber(customer?.ani);
      ui.getState().announce(
        message(caller ? 'announce.newCallFrom' : 'announce.newCall', { caller }),
      );
    }
  }, [ids, userId, calls, ui]);
}

function EmptyState() {
  const t = useT();
  const status = useConnection((s) => s.status);
  return (
    <div className="empty-state">
      <p>{t('calls.none')}</p>
      <p className="muted">{t(status === 'live' ? 'calls.noneLive' : 'calls.noneNotLive')}</p>
    </div>
  );
}
