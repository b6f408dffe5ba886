import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CoreMessageId } from '../../../i18n/message';
import { useT } from '../../../i18n/use-t';
import { browserEnvironment, type MicEnvironment } from '../talking-while-muted/audio-session';
import type { MicStatus } from '../talking-while-muted/mic-access';
import { MicMonitor } from '../talking-while-muted/mic-monitor';
import { useMeterFrames } from '../talking-while-muted/use-meter-frames';

const EXPLANATION: Partial<Record<MicStatus, CoreMessageId>> = {
  requesting: 'mic.requesting',
  suspended: 'mic.suspended',
  denied: 'mic.unavailable',
  blocked: 'mic.blocked',
  noDevice: 'mic.noDevice',
  busy: 'mic.busy',
  lost: 'mic.lost',
  unsupported: 'mic.unsupported',
};

export interface TalkingWhileMutedProps {
  muted: boolean;
  shortcut: string;
  /** The agent's leg is connected: the meter runs only then (stopped when the call ends). */
  active: boolean;
  /** The browser's audio APIs (tests pass fakes). */
  environment?: MicEnvironment;
}

/**
 * Warns the agent who speaks while muted, from a local microphone meter (nothing leaves the
 * browser). The meter draws from animation frames on the DOM node; React renders only when
 * the status changes or speech starts or stops. The warning is one `role=alert` per episode:
 * mounted when speech starts while muted, kept through the pauses, removed a moment after.
 */
export default function TalkingWhileMuted({
  muted,
  shortcut,
  active,
  environment,
}: TalkingWhileMutedProps) {
  const t = useT();
  const [monitor] = useState(() => new MicMonitor(environment ?? browserEnvironment()));
  const { status, speaking } = useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
  const meter = useRef<HTMLMeterElement>(null);
  useMeterFrames(meter, monitor, active && status === 'on');

  useEffect(() => monitor.setMuted(muted), [monitor, muted]);
  useEffect(() => {
    if (!active) return undefined;
    void monitor.startIfAllowed();
    return () => monitor.stop();
  }, [monitor, active]);

  if (!active) return null;
  const explanation = EXPLANATION[status];
  const offerStart = status === 'off' || status === 'busy' || status === 'lost';
  return (
    <div className="mic">
      {status === 'on' ? (
        <label className="mic-meter">
          {t('mic.level')}
          <meter ref={meter} min={0} max={1} />
        </label>
      ) : null}
      {explanation ? <p className="muted">{t(explanation)}</p> : null}
      {offerStart ? (
        <button type="button" className="link-button" onClick={() => void monitor.start()}>
          {t(status === 'off' ? 'mic.enable' : 'mic.retry')}
        </button>
      ) : null}
      {status === 'on' && muted && speaking ? (
        <p role="alert" className="talking-while-muted">
          {t('mic.talkingWhileMuted', { shortcut })}
        </p>
      ) : null}
    </div>
  );
}
