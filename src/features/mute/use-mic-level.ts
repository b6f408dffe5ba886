import { useCallback, useEffect, useRef, useState } from 'react';

export type MicStatus = 'off' | 'requesting' | 'on' | 'denied' | 'unavailable';

/** RMS level above which we call it speech, and for how long. */
const SPEECH_LEVEL = 0.03;
const SPEECH_HOLD_MS = 300;

/**
 * A local microphone level meter (never sent anywhere). Starts on request, or by itself when the
 * browser already granted the microphone; `speaking` turns on after ~300 ms above speech level.
 */
export function useMicLevel() {
  const [status, setStatus] = useState<MicStatus>('off');
  const [level, setLevel] = useState(0);
  const [speaking, setSpeaking] = useState(false);
  const cleanup = useRef<(() => void) | null>(null);

  const start = useCallback(async () => {
    if (cleanup.current) return;
    if (!navigator.mediaDevices?.getUserMedia || typeof AudioContext === 'undefined') {
      setStatus('unavailable');
      return;
    }
    setStatus('requesting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let loudSince: number | null = null;
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        const rms = Math.sqrt(sum / samples.length);
        setLevel(Math.min(1, rms * 4));
        const now = performance.now();
        if (rms >= SPEECH_LEVEL) loudSince ??= now;
        else loudSince = null;
        setSpeaking(loudSince !== null && now - loudSince >= SPEECH_HOLD_MS);
      }, 100);
      cleanup.current = () => {
        clearInterval(timer);
        stream.getTracks().forEach((t) => t.stop());
        void context.close();
      };
      setStatus('on');
    } catch (error) {
      const name = error instanceof DOMException ? error.name : 'Error';
      console.warn(`Live Call Panel: microphone level meter unavailable (${name}).`);
      setStatus(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    navigator.permissions
      ?.query({ name: 'microphone' as PermissionName })
      .then((p) => {
        if (!cancelled && p.state === 'granted') void start();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      cleanup.current?.();
      cleanup.current = null;
    };
  }, [start]);

  return { status, level, speaking, start };
}
