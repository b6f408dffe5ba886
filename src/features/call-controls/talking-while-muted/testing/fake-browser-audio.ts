import type { MicEnvironment } from '../audio-session';

/**
 * Test doubles for the browser's audio and permission APIs (jsdom has none): a manual clock,
 * a microphone whose level the test sets, an audio context the autoplay policy may hold.
 * Test-only; imported by `*.test.ts` files.
 */
export class ManualClock {
  now = 0;
  private timers: { id: number; callback: () => void; every: number; next: number }[] = [];
  private nextId = 1;

  setTimer = (callback: () => void, every: number) => {
    const id = this.nextId++;
    this.timers.push({ id, callback, every, next: this.now + every });
    return () => void (this.timers = this.timers.filter((t) => t.id !== id));
  };

  get pending() {
    return this.timers.length;
  }

  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.now = due.next;
      due.next += due.every;
      due.callback();
    }
    this.now = end;
  }
}

export class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = 'live';
  stop() {
    this.readyState = 'ended';
  }
  /** The device went away: the browser ends the track and fires `ended`. */
  unplug() {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

export function fakeStream(track = new FakeTrack()) {
  const stream = { getTracks: () => [track], getAudioTracks: () => [track] };
  return { stream: stream as unknown as MediaStream, track };
}

export class FakeMicrophone {
  /** RMS level the analyser reports (the samples are a constant of this value). */
  level = 0;
}

export class FakeAudioContext extends EventTarget {
  state: AudioContextState;
  closed = false;
  analyserReads = 0;
  constructor(
    private readonly mic: FakeMicrophone,
    private readonly policy: { allowed: boolean },
  ) {
    super();
    this.state = policy.allowed ? 'running' : 'suspended';
  }
  createMediaStreamSource() {
    return { connect: () => undefined, disconnect: () => undefined };
  }
  createAnalyser() {
    const analyser = {
      fftSize: 2048,
      getFloatTimeDomainData: (samples: Float32Array) => {
        this.analyserReads += 1;
        samples.fill(this.mic.level);
      },
    };
    return analyser;
  }
  resume() {
    if (this.policy.allowed && this.state === 'suspended') {
      this.state = 'running';
      this.dispatchEvent(new Event('statechange'));
    }
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    this.state = 'closed';
    return Promise.resolve();
  }
}

export class FakePermission extends EventTarget {
  constructor(public state: PermissionState) {
    super();
  }
  change(state: PermissionState) {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

export interface FakeBrowser {
  env: MicEnvironment;
  clock: ManualClock;
  mic: FakeMicrophone;
  permission: FakePermission;
  contexts: FakeAudioContext[];
  tracks: FakeTrack[];
  getUserMedia: { calls: MediaStreamConstraints[]; fail?: DOMException; hold?: boolean };
  autoplay: { allowed: boolean };
  release(): void;
}

export function fakeBrowser(
  options: { permission?: PermissionState; queryable?: boolean; doc?: Document } = {},
): FakeBrowser {
  const clock = new ManualClock();
  const mic = new FakeMicrophone();
  const permission = new FakePermission(options.permission ?? 'prompt');
  const contexts: FakeAudioContext[] = [];
  const tracks: FakeTrack[] = [];
  const autoplay = { allowed: true };
  const getUserMedia: FakeBrowser['getUserMedia'] = { calls: [] };
  let release = () => undefined as void;
  const env: MicEnvironment = {
    document: options.doc ?? document,
    mediaDevices: {
      getUserMedia: async (constraints) => {
        getUserMedia.calls.push(constraints ?? {});
        if (getUserMedia.hold) await new Promise<void>((resolve) => (release = resolve));
        if (getUserMedia.fail) throw getUserMedia.fail;
        const { stream, track } = fakeStream();
        tracks.push(track);
        return stream;
      },
    },
    permissions:
      options.queryable === false
        ? undefined
        : { query: () => Promise.resolve(permission as unknown as PermissionStatus) },
    createAudioContext: () => {
      const context = new FakeAudioContext(mic, autoplay);
      contexts.push(context);
      return context as unknown as AudioContext;
    },
    now: () => clock.now,
    setTimer: clock.setTimer,
    consent: { given: false },
  };
  return {
    env,
    clock,
    mic,
    permission,
    contexts,
    tracks,
    getUserMedia,
    autoplay,
    release: () => release(),
  };
}
