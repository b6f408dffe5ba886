import { useState, type ReactNode } from 'react';
import type { Call } from '../../../platform/types';
import { isCallEnded } from '../../../realtime/call-cache';
import { useMyCalls } from '../api/use-my-calls';
import { customerOf, displayAddress } from '../participants';
import { CallPanel } from './call-panel';

export interface CallAreaProps {
  userId: string;
  /** In interaction-widget mode, the one conversation this instance is for. */
  conversationId?: string;
  renderControls?: (call: Call) => ReactNode;
}

/** Picks the call to show: the launched conversation, the one the agent chose, or the newest live one. */
export function CallArea({ userId, conversationId, renderControls }: CallAreaProps) {
  const { data: calls } = useMyCalls(userId);
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  if (!calls) return <p className="muted">Loading your calls…</p>;
  const active = calls.filter((c) => !isCallEnded(c, userId));
  const pinned = conversationId ? calls.find((c) => c.id === conversationId) : undefined;
  const selected =
    pinned ??
    calls.find((c) => c.id === chosenId && (active.includes(c) || active.length === 0)) ??
    active.at(-1) ??
    calls.at(-1);
  if (!selected) {
    return (
      <p className="empty-state">
        {conversationId ? 'Waiting for this call…' : 'No active call. New calls appear here.'}
      </p>
    );
  }
  return (
    <>
      {!conversationId && active.length > 1 ? (
        <nav aria-label="Your calls" className="call-switcher">
          {active.map((c) => {
            const customer = customerOf(c);
            return (
              <button
                key={c.id}
                type="button"
                aria-current={c.id === selected.id ? 'true' : undefined}
                onClick={() => setChosenId(c.id)}
              >
                {customer?.name || displayAddress(customer?.ani) || 'Call'}
              </button>
            );
          })}
        </nav>
      ) : null}
      <CallPanel call={selected} userId={userId} controls={renderControls?.(selected)} />
    </>
  );
}
