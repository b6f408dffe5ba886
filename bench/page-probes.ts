/**
 * Code that runs inside the widget's page. It stamps every WebSocket message as it arrives
 * (before the app's own handler) and measures, with a MutationObserver, when the DOM changed.
 * Its control-plane requests carry `x-emulator-control: 1` written out (page code cannot import
 * emulator/control-header.ts).
 */
export const INSTRUMENT = () => {
  const bench = { lastMessageAt: 0 };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => (bench.lastMessageAt = performance.now()));
    }
  };
};

export interface ProbeArgs {
  emulatorUrl: string;
  conversationId: string;
  agentId: string;
  rounds: number;
}

/** Resolves with the time (performance.now) at which `predicate` first holds after a DOM change. */
export const CLICK_PROBE = async ({ rounds }: ProbeArgs) => {
  const button = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Mute'))!;
  const when = (predicate: () => boolean) =>
    new Promise<number>((resolve) => {
      if (predicate()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!predicate()) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
    });
  const pending: number[] = [];
  const confirmed: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const target = button().getAttribute('aria-pressed') !== 'true';
    const expected = String(target);
    const start = performance.now();
    const shown = when(() => button().getAttribute('aria-pressed') === expected);
    const done = when(
      () =>
        button().getAttribute('aria-pressed') === expected && button().dataset.pending === 'false',
    );
    button().click();
    pending.push((await shown) - start);
    confirmed.push((await done) - start);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { pending, confirmed };
};

/** A change made elsewhere (control plane); time from the socket message to the DOM. */
export const NOTIFICATION_PROBE = async ({
  emulatorUrl,
  conversationId,
  agentId,
  rounds,
}: ProbeArgs) => {
  const bench = (window as unknown as { __bench: { lastMessageAt: number } }).__bench;
  const button = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Mute'))!;
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const muted = button().getAttribute('aria-pressed') !== 'true';
    const changed = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (button().getAttribute('aria-pressed') !== String(muted)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['aria-pressed'],
      });
    });
    await fetch(`${emulatorUrl}/__emulator/calls/${conversationId}/participants/${agentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-control': '1' },
      body: JSON.stringify({ muted, actor: 'genesys-ui' }),
    });
    samples.push((await changed) - bench.lastMessageAt);
    await new Promise((r) => setTimeout(r, 50));
  }
  return samples;
};

/**
 * Sockets cut, a change made while down: time until the panel shows the server's truth. Rounds
 * are spaced past the channel's minUptime, so each drop is a first drop after a stable link
 * (quicker drops back off further, by design).
 */
export const RECONCILE_PROBE = async ({
  emulatorUrl,
  conversationId,
  agentId,
  rounds,
}: ProbeArgs) => {
  const button = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Mute'))!;
  const post = (path: string, body: unknown) =>
    fetch(`${emulatorUrl}/__emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-control': '1' },
      body: JSON.stringify(body),
    });
  const live = () =>
    document.querySelector('[data-status]')?.getAttribute('data-status') === 'live';
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const muted = button().getAttribute('aria-pressed') !== 'true';
    const start = performance.now();
    await post('/faults', { dropSockets: true });
    await post(`/calls/${conversationId}/participants/${agentId}`, { muted, actor: 'genesys-ui' });
    await new Promise<void>((resolve) => {
      const check = () =>
        button().getAttribute('aria-pressed') === String(muted) && live()
          ? resolve()
          : setTimeout(check, 5);
      check();
    });
    samples.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 5_500));
  }
  return samples;
};
