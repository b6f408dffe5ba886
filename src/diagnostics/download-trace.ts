import type { Trace } from './trace-types';

/** The file a trace is saved as: `live-call-panel-diagnostics-2026-03-02T10-42-07Z.json`. */
export function traceFileName(trace: Pick<Trace, 'createdAt'>): string {
  const stamp = trace.createdAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return `live-call-panel-diagnostics-${stamp}.json`;
}

/**
 * The trace as JSON that reads well: the header indented, then one entry per line (a 2,000-entry
 * trace stays a few hundred kilobytes and diffs line by line).
 */
export function formatTrace(trace: Trace): string {
  const { entries, ...header } = trace;
  const head = JSON.stringify({ ...header, entries: [] }, null, 2).replace(/\[\]\n\}$/, '');
  if (entries.length === 0) return `${head}[]\n}\n`;
  return `${head}[\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
}

/**
 * Saves the trace as a file through the browser's download (a framed widget needs the
 * `allow-downloads` sandbox token). `later` runs the clean-up on the widget's scheduler.
 * Returns the file name.
 */
export function downloadTrace(
  trace: Trace,
  later: (ms: number, run: () => void) => void,
  doc: Document = document,
): string {
  const name = traceFileName(trace);
  const url = URL.createObjectURL(new Blob([formatTrace(trace)], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  later(10_000, () => URL.revokeObjectURL(url));
  return name;
}
