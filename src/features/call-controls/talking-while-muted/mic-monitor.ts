import { openAudioSession, type AudioSession, type MicEnvironment } from './audio-session';
import { meterValue } from './level';
import {
  policyAllowsMicrophone,
  problemOfCaptureError,
  queryMicPermission,
  type MicStatus,
} from './mic-access';
import {
  createSpeechDetector,
  type SpeechDetector,
  type SpeechDetectorOptions,
} from './speech-detector';

export interface MicSnapshot {
  status: MicStatus;
  /** The agent is speaking (an episode, held through pauses); meaningful while `on`. */
  speaking: boolean;
}

export interface MicMonitorOptions {
  frameMs?: number;
  detector?: Partial<SpeechDetectorOptions>;
}

/**
 * The raw level: the browser's noise suppression and gain control would fight the detector's
 * own floor (and suppress exactly the steady noise it must learn to ignore).
 */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  video: false,
};

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/**
 * The local microphone meter behind the talking-while-muted warning (nothing leaves the
 * browser). Plain TypeScript: React subscribes to its snapshot, which changes only when the
 * status changes or `speaking` flips; the meter reads `meterLevel()` per animation frame.
 *
 * Lifecycle: `startIfAllowed()` for each live call (starts by itself once the browser allows the
 * microphone, so the next call needs no new prompt), `start()` from the agent's click (may
 * prompt), `stop()` when the call ends or the panel unmounts (tracks stopped: the browser's
 * recording indicator goes off between calls).
 */
export class MicMonitor {
  private snapshot: MicSnapshot = { status: 'off', speaking: false };
  private readonly listeners = new Set<() => void>();
  private session: AudioSession | undefined;
  private detector: SpeechDetector | undefined;
  private unwatchPermission: (() => void) | undefined;
  /** Bumped by stop(): results of an earlier start that arrive late are dropped. */
  private generation = 0;
  private active = false;
  private muted = false;
  private meter = 0;

  constructor(
    private readonly env: MicEnvironment,
    private readonly options: MicMonitorOptions = {},
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): MicSnapshot => this.snapshot;

  /** The smoothed level for the meter, 0..1 (dB scale). */
  meterLevel(): number {
    return this.meter;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.detector?.setMuted(muted);
  }

  /** For a live call: starts if the browser already allows it; otherwise says why not. */
  async startIfAllowed(): Promise<void> {
    this.active = true;
    const generation = this.generation;
    if (policyAllowsMicrophone(this.env.document) === false) return this.set('blocked');
    const permission = await queryMicPermission(this.env.permissions);
    if (generation !== this.generation) return;
    this.watch(permission);
    const state = permission?.state;
    if (state === 'granted' || (state === undefined && this.env.consent.given)) return this.start();
    this.set(state === 'denied' ? 'denied' : 'off');
  }

  /** From the agent's click: asks for the microphone (the browser may prompt). */
  async start(): Promise<void> {
    this.active = true;
    if (this.session || this.snapshot.status === 'requesting') return;
    if (policyAllowsMicrophone(this.env.document) === false) return this.set('blocked');
    const { mediaDevices, createAudioContext } = this.env;
    if (!mediaDevices || !createAudioContext) return this.set('unsupported');
    const generation = this.generation;
    this.set('requesting');
    let stream: MediaStream;
    try {
      stream = await mediaDevices.getUserMedia(CONSTRAINTS);
    } catch (error) {
      if (generation === this.generation) this.set(problemOfCaptureError(error));
      return;
    }
    if (generation !== this.generation) return stopTracks(stream);
    this.env.consent.given = true;
    this.open(stream);
  }

  /** Stops the audio graph and the tracks; a later start needs no prompt once granted. */
  stop(): void {
    this.active = false;
    this.generation += 1;
    this.unwatchPermission?.();
    this.unwatchPermission = undefined;
    this.close();
    this.set('off');
  }

  private open(stream: MediaStream) {
    const detector = createSpeechDetector(this.options.detector);
    detector.setMuted(this.muted);
    this.detector = detector;
    try {
      this.session = openAudioSession(
        stream,
        this.env,
        {
          onFrame: (level, at) => {
            const speaking = detector.push(level, at);
            this.meter = meterValue(detector.state.envelopeDb);
            if (speaking !== this.snapshot.speaking) this.set(this.snapshot.status, speaking);
          },
          onRunning: (running) => this.set(running ? 'on' : 'suspended', this.snapshot.speaking),
          onEnded: () => {
            this.close();
            this.set('lost');
          },
        },
        this.options.frameMs ?? 50,
      );
    } catch (error) {
      console.warn('Live Call Panel: the microphone level meter could not start.', error);
      stopTracks(stream);
      this.detector = undefined;
      this.set('unsupported');
    }
  }

  private close() {
    this.session?.close();
    this.session = undefined;
    this.detector = undefined;
    this.meter = 0;
  }

  /** Follows the permission: granted elsewhere → start; revoked → stop and say so. */
  private watch(permission: PermissionStatus | undefined) {
    this.unwatchPermission?.();
    this.unwatchPermission = undefined;
    if (!permission) return;
    const onChange = () => {
      if (!this.active) return;
      if (permission.state === 'granted' && !this.session) void this.start();
      if (permission.state === 'denied') {
        this.close();
        this.set('denied');
      }
    };
    permission.addEventListener('change', onChange);
    this.unwatchPermission = () => permission.removeEventListener('change', onChange);
  }

  private set(status: MicStatus, speaking = false) {
    const current = this.snapshot;
    if (current.status === status && current.speaking === speaking) return;
    this.snapshot = { status, speaking };
    this.listeners.forEach((listener) => listener());
  }
}
