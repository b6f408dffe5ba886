import { describe, expect, it } from 'vitest';
import { watchDesktopHandshake } from './desktop-handshake';

const HOST = 'https://apps.mypurecloud.ie';
const BOOTSTRAP = {
  protocol: 'purecloud-client-apps',
  purecloudEventType: 'appLifecycleHook',
  hook: 'bootstrap',
};

const post = (data: unknown, origin: string, source: MessageEventSource | null = window.parent) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

describe('the desktop handshake', () => {
  it('counts only a bootstrap hook from the parent on the host origin', () => {
    const handshake = watchDesktopHandshake(window, HOST);
    post({ ...BOOTSTRAP, hook: 'focus' }, HOST);
    post(BOOTSTRAP, 'https://evil.example');
    post(BOOTSTRAP, HOST, null);
    expect(handshake.bootstrapSeen()).toBe(false);
    post(BOOTSTRAP, HOST);
    expect(handshake.bootstrapSeen()).toBe(true);
    handshake.stop();
  });

  it('stops listening when stopped', () => {
    const handshake = watchDesktopHandshake(window, HOST);
    handshake.stop();
    post(BOOTSTRAP, HOST);
    expect(handshake.bootstrapSeen()).toBe(false);
  });
});
