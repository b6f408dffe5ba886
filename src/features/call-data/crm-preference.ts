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

/** Whether a call already had its automatic lookup (per widget). */
export function hadAutoLookup(widget: object, conversationId: string): boolean {
  return looked.get(widget)?.has(conversationId) ?? false;
}

/** Records that a call had its automatic lookup, so it does not run again for it. */
export function markAutoLookup(widget: object, conversationId: string): void {
  let ids = looked.get(widget);
  if (!ids) {
    ids = new Set();
    looked.set(widget, ids);
  }
  ids.add(conversationId);
}
