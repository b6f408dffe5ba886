import { rms } from './level';

/** The browser services the microphone meter uses; tests pass fakes. */
export interface MicEnvironment {
  document: Document;
  mediaDevices: Pick<MediaDevices, 'getUserMedia'> | undefined;
  permissions: Pick<Permissions, 'query'> | undefined;
  createAudioContext: (() => AudioContext) | undefined;
  now(): number;
  setTimer(callback: () => void, everyMs: number): () => void;
  /** The agent turned the meter on in this document: kept across calls while the widget lives. */
  consent: { given: boolean };
}

const documentConsent = { given: false };

export function browserEnvironment(doc: Document = document): MicEnvironment {
  const win = doc.defaultView ?? window;
  // Both are missing outside a secure context, whatever the DOM types say.
  const devices = win.navigator.mediaDevices as MediaDevices | undefined;
  const permissions = win.navigator.permissions as Permissions | undefined;
  const AudioContextClass = win.AudioContext as typeof AudioContext | undefined;
  return {
    document: doc,
    mediaDevices: typeof devices?.getUserMedia === 'function' ? devices : undefined,
    permissions,
    createAudioContext: AudioContextClass ? () => new AudioContextClass() : undefined,
    now: () => win.performance.now(),
    setTimer: (callback, everyMs) => {
      const id = win.setInterval(callback, everyMs);
      return () => win.clearInterval(id);
    },
    consent: documentConsent,
  };
}

export interface AudioSessionHandlers {
  /** One analysis frame: RMS level (0..1) of the last ~43 ms and when it was taken. */
  onFrame(level: number, at: number): void;
  /** The audio context runs (true) or the browser holds it until a user gesture (false). */
  onRunning(running: boolean): void;
  /** The track ended: device unplugged or access revoked. */
  onEnded(): void;
}

export interface AudioSession {
  close(): void;
}

/** How long a new audio context may take to start before the panel asks for a click. */
const START_GRACE_MS = 500;
const GESTURES = ['pointerdown', 'keydown'] as const;

/**
 * The audio graph: the microphone stream into an AnalyserNode (never to the speakers), read
 * every `frameMs` ms. A context the browser keeps suspended (autoplay policy: no user gesture in
 * this frame yet) resumes on the next click or key press in the panel.
 */
export function openAudioSession(
  stream: MediaStream,
  env: MicEnvironment,
  handlers: AudioSessionHandlers,
  frameMs: number,
): AudioSession {
  const context = env.createAudioContext!();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const stopFrames = env.setTimer(() => {
    if (context.state !== 'running') return;
    analyser.getFloatTimeDomainData(samples);
    handlers.onFrame(rms(samples), env.now());
  }, frameMs);

  let graceOver = false;
  const report = () => {
    if (context.state === 'running') handlers.onRunning(true);
    else if (graceOver && context.state === 'suspended') handlers.onRunning(false);
  };
  const stopGrace = env.setTimer(() => {
    graceOver = true;
    stopGrace();
    report();
  }, START_GRACE_MS);
  const resume = () => {
    if (context.state === 'suspended') context.resume().catch(() => undefined);
  };
  context.addEventListener('statechange', report);
  GESTURES.forEach((type) => env.document.addEventListener(type, resume, true));
  const tracks = stream.getAudioTracks();
  const ended = () => handlers.onEnded();
  tracks.forEach((track) => track.addEventListener('ended', ended));
  resume();
  report();

  return {
    close() {
      stopFrames();
      stopGrace();
      context.removeEventListener('statechange', report);
      GESTURES.forEach((type) => env.document.removeEventListener(type, resume, true));
      tracks.forEach((track) => track.removeEventListener('ended', ended));
      source.disconnect();
      stream.getTracks().forEach((track) => track.stop());
      context.close().catch(() => undefined);
    },
  };
}
