/*
 * The desktop host page's requests to the emulator's control plane: each carries the header
 * `X-Emulator-Control: 1` (emulator/control-header.ts), without which the emulator refuses them.
 */
/* global fetch */

export function controlFetch(path, init = {}) {
  return fetch(path, { ...init, headers: { ...init.headers, 'X-Emulator-Control': '1' } });
}
