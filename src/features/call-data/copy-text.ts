/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (a secure context,
 * and a frame allowed `clipboard-write`), else the old selection-and-copy command. Resolves with
 * whether either worked.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions policy, no focus): fall back below.
    }
  }
  return copyBySelection(text, doc);
}

function copyBySelection(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'visually-hidden';
  const host = doc.activeElement?.closest('.lcp-root') ?? doc.body;
  const focused = doc.activeElement as HTMLElement | null;
  host.append(area);
  area.focus();
  area.select();
  try {
    // Deprecated, but the only way left when the Clipboard API is not allowed.
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
