/*
 * The desktop host page's log in the emulator (POST /__emulator/desktop/log), read by Node-side
 * tests with GET /__emulator/desktop/log. Entries go out in order, one request at a time.
 */
/* global console */
import { controlFetch } from './control.js';
import { now } from './dom.js';

export function createLog(pageId) {
  const pending = [];
  let flushing = false;

  async function flush() {
    if (flushing) return;
    flushing = true;
    while (pending.length > 0) {
      const entries = pending.splice(0, 100);
      try {
        const response = await controlFetch('/__emulator/desktop/log', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ entries }),
        });
        if (!response.ok)
          console.warn('desktop log refused', response.status, await response.text());
      } catch (error) {
        console.warn('desktop log failed', error);
      }
    }
    flushing = false;
  }

  return (entry) => {
    pending.push({ page: pageId, at: now(), ...entry });
    void flush();
  };
}
