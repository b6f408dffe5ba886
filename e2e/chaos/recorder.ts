import type { BrowserContext, Frame, Request } from '@playwright/test';

/**
 * What each document of the widget asked for and sent, recorded inside the document on its own
 * clock (so a click and the request it causes are in order): every click on the agent's Mute or
 * Hold (the call, and the target: the opposite of the pressed state it was clicked in), every
 * mute/hold PATCH (its call and body), and `marks`, the moments the runner found everything
 * settled. Installed in every page and frame of a context before any script runs.
 */
export interface DocumentLog {
  clicks: { at: number; cid: string; field: 'muted' | 'held'; target: boolean }[];
  sent: { at: number; cid: string; body: Record<string, unknown> }[];
  marks: number[];
}

/** Runs in the browser (serialised by Playwright): no closure over anything of this file. */
function installRecorder() {
  const log: DocumentLog = { clicks: [], sent: [], marks: [] };
  Object.defineProperty(window, '__chaosLog', { value: log });
  document.addEventListener(
    'click',
    (event) => {
      const button =
        event.target instanceof Element ? event.target.closest('button[aria-pressed]') : null;
      if (!(button instanceof HTMLButtonElement) || button.disabled) return;
      const label = button.querySelector('.toggle-label')?.textContent;
      const field = label === 'Mute' ? 'muted' : label === 'Hold' ? 'held' : undefined;
      const cid = button.closest('[data-conversation-id]')?.getAttribute('data-conversation-id');
      if (!field || !cid) return;
      log.clicks.push({
        at: performance.now(),
        cid,
        field,
        target: button.getAttribute('aria-pressed') !== 'true',
      });
    },
    true,
  );
  const send = window.fetch.bind(window);
  window.fetch = (input, init) => {
    try {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (
        init?.method ?? (input instanceof Request ? input.method : 'GET')
      ).toUpperCase();
      const match = /\/conversations\/calls\/([^/]+)\/participants\/[^/]+$/.exec(url.pathname);
      if (method === 'PATCH' && match && typeof init?.body === 'string')
        log.sent.push({
          at: performance.now(),
          cid: match[1]!,
          body: JSON.parse(init.body) as Record<string, unknown>,
        });
    } catch {
      // A body the recorder cannot read is the page's business, never a reason to fail it.
    }
    return send(input, init);
  };
}

export async function installDocumentRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript(installRecorder);
}

/** The frame's log, or none when the frame is not the widget's (or has gone). */
export async function readLog(frame: Frame): Promise<DocumentLog | undefined> {
  try {
    return await frame.evaluate(
      () => (window as unknown as { __chaosLog?: DocumentLog }).__chaosLog,
    );
  } catch {
    return undefined;
  }
}

export async function markSettled(frame: Frame): Promise<void> {
  await frame
    .evaluate(() =>
      (window as unknown as { __chaosLog?: DocumentLog }).__chaosLog?.marks.push(performance.now()),
    )
    .catch(() => undefined);
}

/**
 * Mute/hold requests a document sent for an intent it no longer had: a target that was not the
 * latest click's on that call and field when it left, a request with no click before it, or one
 * that left after the runner had found everything settled since that click (a rolled-back or
 * timed-out intent sent late). Empty when every request was wanted when it left.
 */
export function unwantedFlagRequests(log: DocumentLog): string[] {
  const problems: string[] = [];
  for (const request of log.sent) {
    for (const field of ['muted', 'held'] as const) {
      if (!(field in request.body)) continue;
      const value = request.body[field];
      const latest = log.clicks
        .filter((c) => c.cid === request.cid && c.field === field && c.at <= request.at)
        .at(-1);
      const what = `PATCH {${field}: ${String(value)}} on ${request.cid}`;
      if (!latest) problems.push(`${what} with no click asking for it`);
      else if (latest.target !== value)
        problems.push(`${what} after the latest click asked for ${String(latest.target)}`);
      else if (log.marks.some((m) => m > latest.at && m < request.at))
        problems.push(`${what} sent after its intent had settled`);
    }
  }
  return problems;
}

/** One REST call a context made, with the step it was made in and how it was answered. */
export interface ApiRecord {
  step: number;
  method: string;
  path: string;
  body?: unknown;
  status?: number;
}

/**
 * Records every API request of a context (all its pages, frames and popups): method, path, body
 * and status, tagged with the runner's step at the time it was sent.
 */
export function recordApi(context: BrowserContext, currentStep: () => number): ApiRecord[] {
  const records: ApiRecord[] = [];
  const byRequest = new Map<Request, ApiRecord>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v2/') || request.method() === 'OPTIONS') return;
    let body: unknown;
    try {
      body = request.postDataJSON() ?? undefined;
    } catch {
      body = request.postData() ?? undefined;
    }
    const record: ApiRecord = {
      step: currentStep(),
      method: request.method(),
      path: url.pathname,
      body,
    };
    records.push(record);
    byRequest.set(request, record);
  });
  context.on('requestfinished', (request) => {
    const record = byRequest.get(request);
    byRequest.delete(request);
    if (record)
      void request
        .response()
        .then((response) => {
          if (response) record.status = response.status();
        })
        .catch(() => undefined);
  });
  context.on('requestfailed', (request) => byRequest.delete(request));
  return records;
}
