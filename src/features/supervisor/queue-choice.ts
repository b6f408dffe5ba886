/**
 * The queues a supervisor chose, kept for the browser session (sessionStorage, per user). Storage
 * may be blocked (third-party iframes, privacy modes): then the choice lives in memory only.
 */
const KEY = (userId: string) => `lcp.supervisor.queues.${userId}`;
const memory = new Map<string, string[]>();

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadChosenQueues(userId: string): string[] {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(KEY(userId));
  } catch {
    raw = undefined;
  }
  // Nothing stored (or storage blocked): what this page remembers, if anything.
  if (!raw) return memory.get(userId) ?? [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((id) => typeof id === 'string'))
      return [...new Set(parsed)].slice(0, 200);
  } catch {
    // Not JSON: ignored.
  }
  return [];
}

export function saveChosenQueues(userId: string, queueIds: readonly string[]): void {
  memory.set(userId, [...queueIds]);
  try {
    storage()?.setItem(KEY(userId), JSON.stringify(queueIds));
  } catch {
    // Blocked or full: memory keeps it for this page.
  }
}
