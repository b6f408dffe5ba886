import { useT } from '../../../i18n/use-t';
import { useMicLevel } from '../use-mic-level';

/** Warns the agent who speaks while muted, from a local level meter; works without it too. */
export function TalkingWhileMuted({ muted, shortcut }: { muted: boolean; shortcut: string }) {
  const t = useT();
  const mic = useMicLevel();
  return (
    <div className="mic">
      {mic.status === 'on' ? (
        <label className="mic-meter">
          {t('mic.level')}
          <meter min={0} max={1} value={mic.level} />
        </label>
      ) : null}
      {mic.status === 'off' ? (
        <button type="button" className="link-button" onClick={() => void mic.start()}>
          {t('mic.enable')}
        </button>
      ) : null}
      {mic.status === 'denied' || mic.status === 'unavailable' ? (
        <p className="muted">{t('mic.unavailable')}</p>
      ) : null}
      {mic.status === 'on' && muted && mic.speaking ? (
        <p role="alert" className="talking-while-muted">
          {t('mic.talkingWhileMuted', { shortcut })}
        </p>
      ) : null}
    </div>
  );
}
