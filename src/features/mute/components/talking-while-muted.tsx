import { useMicLevel } from '../use-mic-level';

/** Warns the agent who speaks while muted, from a local level meter; works without it too. */
export function TalkingWhileMuted({ muted, shortcut }: { muted: boolean; shortcut: string }) {
  const mic = useMicLevel();
  return (
    <div className="mic">
      {mic.status === 'on' ? (
        <label className="mic-meter">
          Microphone level
          <meter min={0} max={1} value={mic.level} />
        </label>
      ) : null}
      {mic.status === 'off' ? (
        <button type="button" className="link-button" onClick={() => void mic.start()}>
          Warn me if I talk while muted
        </button>
      ) : null}
      {mic.status === 'denied' || mic.status === 'unavailable' ? (
        <p className="muted">
          Microphone access is off, so there is no talking-while-muted warning.
        </p>
      ) : null}
      {mic.status === 'on' && muted && mic.speaking ? (
        <p role="alert" className="talking-while-muted">
          You’re talking while muted. Unmute ({shortcut}) if the caller should hear you.
        </p>
      ) : null}
    </div>
  );
}
