import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import { createNowClock, type NowClock } from './now-clock';
import { createScheduler } from './scheduler';

/** Gives the widget's clock (one per widget, on its scheduler); the services provider sets it. */
export const NowClockContext = createContext<(() => NowClock) | null>(null);

const noSubscription = () => () => undefined;

/** The current time, re-rendering once a second while `active`. */
export function useNow(active = true): number {
  const widgetClock = useContext(NowClockContext);
  // Outside a widget (a component rendered on its own) the component keeps a clock of its own.
  const [own] = useState(() => (widgetClock ? undefined : createNowClock(createScheduler())));
  const clock = widgetClock?.() ?? own ?? createNowClock(createScheduler());
  return useSyncExternalStore(active ? clock.subscribe : noSubscription, clock.read);
}
