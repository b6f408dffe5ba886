import { describe, expect, it, vi } from 'vitest';
import { MicMonitor } from './mic-monitor';
import { fakeBrowser, type FakeBrowser } from './testing/fake-browser-audio';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: Parameters<typeof fakeBrowser>[0] = {}) {
  const browser = fakeBrowser(options);
  const monitor = new MicMonitor(browser.env);
  const notifications: string[] = [];
  monitor.subscribe(() => {
    const { status, speaking } = monitor.getSnapshot();
    notifications.push(`${status}${speaking ? '+speaking' : ''}`);
  });
  return { browser, monitor, notifications };
}

/** Plays speech-like syllables (loud 200 ms, quieter 100 ms) over a quiet room. */
function speak(browser: FakeBrowser, ms: number) {
  for (let t = 0; t < ms; t += 50) {
    browser.mic.level = t % 300 < 200 ? 0.1 : 0.005;
    browser.clock.advance(50);
  }
  browser.mic.level = 0.001;
}

function quiet(browser: FakeBrowser, ms: number) {
  browser.mic.level = 0.001;
  browser.clock.advance(ms);
}

describe('MicMonitor', () => {
  it('starts by itself when the microphone is already granted, with the raw level', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('on');
    expect(browser.getUserMedia.calls).toEqual([
      {
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
        video: false,
      },
    ]);
  });

  it('does not prompt when the permission is not granted yet; the click starts it', async () => {
    const { browser, monitor } = setup({ permission: 'prompt' });
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('off');
    expect(browser.getUserMedia.calls).toHaveLength(0);
    await monitor.start();
    expect(monitor.getSnapshot().status).toBe('on');
    expect(browser.env.consent.given).toBe(true);
  });

  it('tells React only when speaking flips, not on every frame', async () => {
    const { browser, monitor, notifications } = setup({ permission: 'granted' });
    monitor.setMuted(true);
    await monitor.startIfAllowed();
    quiet(browser, 2000);
    speak(browser, 4000);
    quiet(browser, 2000);
    expect(browser.contexts[0]!.analyserReads).toBeGreaterThan(150);
    expect(notifications).toEqual(['requesting', 'on', 'on+speaking', 'on']);
  });

  it('moves the meter with the level, without notifying', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    await monitor.startIfAllowed();
    quiet(browser, 1000);
    const before = monitor.meterLevel();
    browser.mic.level = 0.1;
    browser.clock.advance(200);
    expect(monitor.meterLevel()).toBeGreaterThan(before + 0.3);
  });

  it('stops the graph and the tracks, and restarts for the next call without a click', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    await monitor.startIfAllowed();
    monitor.stop();
    expect(monitor.getSnapshot().status).toBe('off');
    expect(browser.tracks[0]!.readyState).toBe('ended');
    expect(browser.contexts[0]!.closed).toBe(true);
    expect(browser.clock.pending).toBe(0);
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('on');
    expect(browser.getUserMedia.calls).toHaveLength(2);
  });

  it('restarts where permissions cannot be queried only if the agent turned it on before', async () => {
    const { browser, monitor } = setup({ queryable: false });
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('off');
    await monitor.start();
    monitor.stop();
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('on');
    expect(browser.getUserMedia.calls).toHaveLength(2);
  });

  it('explains a page that does not delegate the microphone, without asking for it', async () => {
    const doc = document.implementation.createHTMLDocument();
    Object.assign(doc, { featurePolicy: { allowsFeature: (f: string) => f !== 'microphone' } });
    const { browser, monitor } = setup({ permission: 'granted', doc });
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('blocked');
    await monitor.start();
    expect(monitor.getSnapshot().status).toBe('blocked');
    expect(browser.getUserMedia.calls).toHaveLength(0);
  });

  it.each([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'noDevice'],
    ['NotReadableError', 'busy'],
  ])('says why getUserMedia failed (%s → %s)', async (name, status) => {
    const { browser, monitor } = setup();
    browser.getUserMedia.fail = new DOMException('no', name);
    await monitor.start();
    expect(monitor.getSnapshot().status).toBe(status);
  });

  it('reports a denied permission without calling getUserMedia', async () => {
    const { browser, monitor } = setup({ permission: 'denied' });
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('denied');
    expect(browser.getUserMedia.calls).toHaveLength(0);
  });

  it('drops a stream that arrives after the call ended', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    browser.getUserMedia.hold = true;
    const starting = monitor.startIfAllowed();
    await flush();
    monitor.stop();
    browser.release();
    await starting;
    expect(monitor.getSnapshot().status).toBe('off');
    expect(browser.tracks[0]!.readyState).toBe('ended');
    expect(browser.contexts).toHaveLength(0);
  });

  it('waits for a click when the browser holds audio, then runs', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    browser.autoplay.allowed = false;
    await monitor.startIfAllowed();
    browser.clock.advance(600);
    expect(monitor.getSnapshot().status).toBe('suspended');
    expect(browser.contexts[0]!.analyserReads).toBe(0);
    browser.autoplay.allowed = true;
    document.dispatchEvent(new Event('pointerdown'));
    expect(monitor.getSnapshot().status).toBe('on');
  });

  it('says so when the microphone goes away', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    await monitor.startIfAllowed();
    browser.tracks[0]!.unplug();
    expect(monitor.getSnapshot().status).toBe('lost');
    expect(browser.contexts[0]!.closed).toBe(true);
  });

  it('follows the permission: revoked stops it, granted later starts it', async () => {
    const { browser, monitor } = setup({ permission: 'prompt' });
    await monitor.startIfAllowed();
    browser.permission.change('granted');
    await flush();
    expect(monitor.getSnapshot().status).toBe('on');
    browser.permission.change('denied');
    expect(monitor.getSnapshot().status).toBe('denied');
    expect(browser.contexts[0]!.closed).toBe(true);
    monitor.stop();
    browser.permission.change('granted');
    await flush();
    expect(browser.getUserMedia.calls).toHaveLength(1);
  });

  it('keeps a failing audio context from breaking the panel', async () => {
    const { browser, monitor } = setup({ permission: 'granted' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    browser.env.createAudioContext = () => {
      throw new DOMException('no audio', 'NotSupportedError');
    };
    await monitor.startIfAllowed();
    expect(monitor.getSnapshot().status).toBe('unsupported');
    expect(browser.tracks[0]!.readyState).toBe('ended');
  });
});
