import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { customerOf, isCallEnded, readableNumber } from '../../../domain/call-selectors';
import { message, type CoreMessageId } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { useConnection, useServices, useUi } from '../../../services/widget-services';
import type { Call } from '../../../platform/types';
import { useCall, useCallIds, useCalls } from '../../../calls/use-call';
import { useCallReader } from '../../../calls/use-call-reader';
import { hasUnsavedWork } from '../../../stores/ui-store';
import { chooseCall, liveSuccessor } from '../selection';
import { useParticipantName } from '../../../directory/use-participant-name';
import { CallCard, type PartyControlsRenderer } from './call-card';
import { CallSwitcher } from './call-switcher';
import { PinnedCall } from './pinned-call';

export interface AgentPanelProps {
  userId: string;
  /** Interaction-widget mode: the one conversation this instance is for. */
  pinnedId?: string;
  renderControls?: (call: Call) => ReactNode;
  renderExtras?: (call: Call) => ReactNode;
  renderPartyControls?: PartyControlsRenderer;
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
  renderPartyControls,
}: AgentPanelProps & { ids: string[] }) {
  const { ui } = useServices();
  const selected = useUi((s) => s.selectedCallId);
  const { shown, next } = useChosenCall(ids, userId, selected);
  useAnnounceFollow(ids, selected, shown, next);
  useEffect(() => {
    if (shown !== selected) ui.getState().selectCall(shown);
  }, [shown, selected, ui]);
  useAnnounceNewCalls(ids, userId);
  const switchable = useSwitchableIds(ids, userId, shown);
  const call = useCall(shown);
  const select = (id: string) => ui.getState().selectCall(id);
  return (
    <>
      {switchable.length > 1 ? (
        <CallSwitcher ids={switchable} userId={userId} selected={shown} onSelect={select} />
      ) : null}
      {call ? (
        <CallCard
          key={call.id}
          call={call}
          userId={userId}
          controls={renderControls?.(call)}
          renderPartyControls={renderPartyControls}
          notice={next !== undefined ? <FollowOffer id={next} onShow={select} /> : null}
        >
          {renderExtras?.(call)}
        </CallCard>
      ) : (
        <EmptyState />
      )}
    </>
  );
}

/**
 * The call to show (`chooseCall`, re-chosen whenever any of the agent's calls changes, so the
 * view follows the live call as soon as the shown one ends), and `next`: the live call the view
 * would follow to, while unsaved work on the shown (ended) call keeps it in view.
 */
function useChosenCall(
  ids: string[],
  userId: string,
  selected: string | undefined,
): { shown: string | undefined; next: string | undefined } {
  const held = useUi((s) => selected !== undefined && hasUnsavedWork(s, selected));
  const choose = useCallback(
    (snapshots: readonly (Call | undefined)[]) => {
      const byId = new Map(ids.map((id, i) => [id, snapshots[i]]));
      const get = (id: string) => byId.get(id);
      const shown = chooseCall(ids, selected, get, userId, (id) => held && id === selected);
      return { shown, next: liveSuccessor(ids, shown, get, userId) };
    },
    [ids, userId, selected, held],
  );
  return useCalls(ids, choose);
}

/**
 * Says when the view followed the live call (the shown call ended and the agent is talking on
 * one other), or, when unsaved work keeps the ended call in view, that the other call is there.
 */
function useAnnounceFollow(
  ids: string[],
  selected: string | undefined,
  shown: string | undefined,
  next: string | undefined,
): void {
  const { ui } = useServices();
  const reader = useCallReader();
  const offered = useRef<string | undefined>(undefined);
  useEffect(() => {
    const say = (known: CoreMessageId, unknown: CoreMessageId, id: string) => {
      const call = reader.call(id);
      const caller = call ? callerOf(call) : undefined;
      ui.getState().announce(caller ? message(known, { caller }) : message(unknown));
    };
    // The shown call was still listed: it ended, and `chooseCall` followed the live call.
    if (shown !== undefined && selected !== undefined && shown !== selected) {
      if (ids.includes(selected)) say('announce.followed', 'announce.followedUnknown', shown);
      return;
    }
    const offer = next === undefined ? undefined : `${shown ?? ''}\u0000${next}`;
    if (offer === offered.current) return;
    offered.current = offer;
    if (next !== undefined) say('announce.followHeld', 'announce.followHeldUnknown', next);
  }, [ids, selected, shown, next, reader, ui]);
}

/** "Your call with Bob Caller is connected — Show it": the one-click move to the live call. */
function FollowOffer({ id, onShow }: { id: string; onShow(id: string): void }) {
  const t = useT();
  const call = useCall(id);
  const caller = useParticipantName(call ? customerOf(call) : undefined);
  const textId = `follow-offer-${id}`;
  return (
    <div className="banner" data-testid="follow-offer">
      <p id={textId}>
        {caller ? t('call.follow.offer', { caller }) : t('call.follow.offerUnknown')}
      </p>
      <button type="button" className="button" aria-describedby={textId} onClick={() => onShow(id)}>
        {t('call.follow.show')}
      </button>
    </div>
  );
}

/** The caller as the header names them: their display name, else their readable number. */
function callerOf(call: Call): string | undefined {
  const customer = customerOf(call);
  return customer?.name || readableNumber(customer?.ani) || undefined;
}

/**
 * Active calls, plus the shown one if it has ended (it stays until the agent moves on), plus
 * ended calls with unsaved work (the agent can go back to finish it).
 */
function useSwitchableIds(ids: string[], userId: string, shown: string | undefined): string[] {
  const unsaved = useUi((s) => s.unsavedWork);
  const combine = useCallback(
    (calls: readonly (Call | undefined)[]) => {
      const kept = new Set(Object.values(unsaved));
      return ids.filter((id, i) => {
        const call = calls[i];
        return id === shown || kept.has(id) || (call !== undefined && !isCallEnded(call, userId));
      });
    },
    [ids, userId, shown, unsaved],
  );
  return useCalls(ids, combine);
}

function useAnnounceNewCalls(ids: string[], userId: string): void {
  const { ui } = useServices();
  const reader = useCallReader();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = new Set(ids);
    if (!previous) return;
    for (const id of ids) {
      if (previous.has(id)) continue;
      const call = reader.call(id);
      if (!call || isCallEnded(call, userId)) continue;
      const caller = callerOf(call);
      ui.getState().announce(
        message(caller ? 'announce.newCallFrom' : 'announce.newCall', { caller }),
      );
    }
  }, [ids, userId, reader, ui]);
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
