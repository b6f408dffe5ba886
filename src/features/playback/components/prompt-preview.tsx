import { Pause, Play } from 'lucide-react';
import { useRef, useState } from 'react';
import type { PromptResource } from '../../../platform/architect';
import { usePlaybackT } from '../text';

/**
 * Local preview of a prompt's audio in the agent's browser (the caller hears nothing of it):
 * play/pause, seek, volume and elapsed/duration, on an `<audio>` element with the panel's own
 * accessible controls. When the browser cannot load the media (an expired or cross-origin URL
 * on a real org), it says so instead.
 */
export function PromptPreview({ resource, label }: { resource: PromptResource; label: string }) {
  const t = usePlaybackT();
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState(resource.durationSeconds ?? 0);
  const [volume, setVolume] = useState(1);
  const [failed, setFailed] = useState(false);
  if (!resource.mediaUri || failed)
    return (
      <p className="playback-preview-unavailable muted">{t('playback.preview.unavailable')}</p>
    );
  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) element.play().catch(() => setFailed(true));
    else element.pause();
  };
  const seek = (seconds: number) => {
    if (audio.current) audio.current.currentTime = seconds;
    setPosition(seconds);
  };
  const changeVolume = (value: number) => {
    if (audio.current) audio.current.volume = value;
    setVolume(value);
  };
  const positionText = t('playback.preview.positionText', {
    elapsed: t.duration(position * 1000),
    total: t.duration(duration * 1000),
  });
  return (
    <div className="playback-preview" role="group" aria-label={t('playback.preview.title')}>
      <audio
        ref={audio}
        src={resource.mediaUri}
        preload="metadata"
        data-testid="prompt-preview-audio"
        onLoadedMetadata={(e) => {
          if (Number.isFinite(e.currentTarget.duration)) setDuration(e.currentTarget.duration);
        }}
        onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => setFailed(true)}
      />
      <p className="playback-preview-title muted">{t('playback.preview.title')}</p>
      <div className="playback-preview-row">
        <button
          type="button"
          className="button playback-preview-toggle"
          onClick={toggle}
          title={label}
        >
          {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
          <span>{t(playing ? 'playback.preview.pause' : 'playback.preview.play')}</span>
        </button>
        <span className="playback-preview-time" data-testid="preview-time">
          {positionText}
        </span>
      </div>
      <label className="playback-slider">
        <span className="visually-hidden">{t('playback.preview.position')}</span>
        <input
          type="range"
          min={0}
          max={Math.max(duration, 0.1)}
          step={0.1}
          value={Math.min(position, duration)}
          aria-valuetext={positionText}
          onChange={(e) => seek(Number(e.currentTarget.value))}
        />
      </label>
      <label className="playback-slider playback-volume">
        <span>{t('playback.preview.volume')}</span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          aria-valuetext={t('playback.preview.volumeText', { percent: Math.round(volume * 100) })}
          onChange={(e) => changeVolume(Number(e.currentTarget.value))}
        />
      </label>
    </div>
  );
}
