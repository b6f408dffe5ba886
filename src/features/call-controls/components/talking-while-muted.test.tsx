import { I18nProvider } from '@lingui/react';
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../i18n/setup';
import { fakeBrowser, type FakeBrowser } from '../talking-while-muted/testing/fake-browser-audio';
import TalkingWhileMuted from './talking-while-muted';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WARNING = /You’re talking while muted\. Unmute \(Alt\+M\)/;

let container: HTMLDivElement;
let root: Root;
let frames: FrameRequestCallback[];
let commits: number;
let alertsAdded: number;
let observer: MutationObserver;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  frames = [];
  commits = 0;
  alertsAdded = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => (frames = []));
  observer = new MutationObserver(countAlerts);
  observer.observe(container, { childList: true, subtree: true });
});

afterEach(() => {
  observer.disconnect();
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function countAlerts(records: MutationRecord[]) {
  for (const record of records)
    record.addedNodes.forEach((node) => {
      if (node instanceof HTMLElement && node.getAttribute('role') === 'alert') alertsAdded += 1;
    });
}

/** Alert elements inserted so far (mutation records are delivered late; take them now). */
function alertsInserted() {
  countAlerts(observer.takeRecords());
  return alertsAdded;
}

async function render(browser: FakeBrowser, props: { muted: boolean; active: boolean }) {
  await act(async () => {
    root.render(
      <I18nProvider i18n={createI18n('en')}>
        <Profiler id="mic" onRender={() => (commits += 1)}>
          <TalkingWhileMuted shortcut="Alt+M" environment={browser.env} {...props} />
        </Profiler>
      </I18nProvider>,
    );
  });
}

/** Advances audio time in 50 ms frames, running animation frames in between. */
function play(browser: FakeBrowser, ms: number, level: (t: number) => number) {
  act(() => {
    for (let t = 0; t < ms; t += 50) {
      browser.mic.level = level(t);
      browser.clock.advance(50);
      const due = frames;
      frames = [];
      due.forEach((callback) => callback(browser.clock.now));
    }
  });
}

const quietRoom = () => 0.001;
const syllables = (t: number) => (t % 300 < 200 ? 0.1 : 0.005);
const meter = () => container.querySelector('meter')!;
const warning = () =>
  [...container.querySelectorAll('[role=alert]')].find((e) => WARNING.test(e.textContent ?? ''));

describe('TalkingWhileMuted', () => {
  it('shows the warning once per episode while muted, and the meter costs no renders', async () => {
    const browser = fakeBrowser({ permission: 'granted' });
    await render(browser, { muted: true, active: true });
    play(browser, 2000, quietRoom);
    expect(container.textContent).toContain('Microphone level');
    const settled = commits;
    play(browser, 4000, syllables);
    expect(warning()).toBeDefined();
    expect(meter().value).toBeGreaterThan(0.5);
    play(browser, 2000, quietRoom);
    expect(warning()).toBeUndefined();
    expect(meter().value).toBeLessThan(0.3);
    expect(alertsInserted()).toBe(1);
    // 160 audio frames and as many animation frames: two renders, speech on and off.
    expect(commits - settled).toBe(2);
  });

  it('gives no warning for the same speech while unmuted', async () => {
    const browser = fakeBrowser({ permission: 'granted' });
    await render(browser, { muted: false, active: true });
    play(browser, 1000, quietRoom);
    play(browser, 4000, syllables);
    expect(alertsInserted()).toBe(0);
  });

  it('offers the meter when the browser has not granted the microphone', async () => {
    const browser = fakeBrowser({ permission: 'prompt' });
    await render(browser, { muted: true, active: true });
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Warn me if I talk while muted',
    )!;
    await act(async () => button.click());
    expect(browser.getUserMedia.calls).toHaveLength(1);
    expect(container.querySelector('meter')).not.toBeNull();
  });

  it('stops the microphone when the call ends and starts it again for the next one', async () => {
    const browser = fakeBrowser({ permission: 'granted' });
    await render(browser, { muted: false, active: true });
    await render(browser, { muted: false, active: false });
    expect(container.textContent).toBe('');
    expect(browser.tracks[0]!.readyState).toBe('ended');
    expect(browser.contexts[0]!.closed).toBe(true);
    await render(browser, { muted: false, active: true });
    expect(browser.getUserMedia.calls).toHaveLength(2);
    expect(container.querySelector('meter')).not.toBeNull();
  });

  it('explains a page that does not delegate the microphone', async () => {
    const doc = document.implementation.createHTMLDocument();
    Object.assign(doc, { featurePolicy: { allowsFeature: () => false } });
    const browser = fakeBrowser({ permission: 'granted', doc });
    await render(browser, { muted: true, active: true });
    expect(container.textContent).toContain('does not let it use the microphone');
    expect(browser.getUserMedia.calls).toHaveLength(0);
  });
});
