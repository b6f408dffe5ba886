/**
 * "Look up in the CRM once when a call connects": kept for the browser session (sessionStorage),
 * in memory when storage is blocked. The calls already looked up this way are remembered per
 * widget, so each call gets one automatic lookup at most.
 */
const KEY = 'lcp.callData.crmOnConnect';
const memory = { value: false };

export function readCrmOnConnect(): boolean {
  try {
    const stored = globalThis.sessionStorage?.getItem(KEY);
    return stored === null || stored === undefined ? memory.value : stored === '1';
  } catch {
    return memory.value;
  }
}

export function writeCrmOnConnect(value: boolean): void {
  memory.value = value;
  try {
    globalThis.sessionStorage?.setItem(KEY, value ? '1' : '0');
  } catch {
    // Storage blocked (a sandboxed frame): the choice lasts while the page does.
  }
}

const looked = new WeakMap<object, Set<string>>();

/** True the first time it is asked for a call (per widget), false afterwards. */
export function claimAutoLookup(widget: object, conversationId: string): boolean {
  let ids = looked.get(widget);
  if (!ids) {
    ids = new Set();
    looked.set(widget, ids);
  }
  if (ids.has(conversationId)) return false;
  ids.add(conversationId);
  return true;
}
