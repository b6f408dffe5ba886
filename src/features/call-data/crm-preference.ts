import { slotKey, type WidgetSlots } from '../../services/widget-slots';

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

/** The calls of one widget that had their automatic lookup (in its slots, never shared). */
const LOOKED = slotKey<Set<string>>('call-data.auto-lookups');

/** Whether a call already had its automatic lookup (per widget). */
export function hadAutoLookup(slots: WidgetSlots, conversationId: string): boolean {
  return slots.peek(LOOKED)?.has(conversationId) ?? false;
}

/** Records that a call had its automatic lookup, so it does not run again for it. */
export function markAutoLookup(slots: WidgetSlots, conversationId: string): void {
  slots.get(LOOKED, () => new Set()).add(conversationId);
}
