/**
 * The baseline: a call widget written the way the public tutorials do it, run against the same
 * emulator in the same bench run so the table can put its figures beside ours.
 *
 * - Mute: read the participant, flip `muted` from local state, PATCH, then poll
 *   `GET /conversations/calls/{cid}` every second until the change shows.
 * - The indicator: kept fresh by the same one-second poll (no notifications channel).
 * - Supervisor table: the activity query polled every 5 s.
 *
 * It runs in Node with `fetch` (loopback, as the page's requests are) and counts every request.
 */

export const BASELINE_POLL_MS = 1000;
export const BASELINE_TABLE_POLL_MS = 5000;

interface Leg {
  id: string;
  muted?: boolean;
}

export class BaselineAgent {
  requests = 0;
  /** What the tutorial's indicator shows: its last poll's value. */
  shownMuted = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly conversationId: string,
    private readonly participantId: string,
  ) {}

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    this.requests += 1;
    return fetch(`${this.apiUrl}/api/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** One poll of the call: the participant's `muted` as the server has it. */
  async readMuted(): Promise<boolean> {
    const response = await this.request('GET', `/conversations/calls/${this.conversationId}`);
    const call = (await response.json()) as { participants?: Leg[] };
    const leg = call.participants?.find((p) => p.id === this.participantId);
    return leg?.muted === true;
  }

  /** Keeps the indicator fresh the tutorial way: a poll every second. */
  startPolling(): void {
    this.stopPolling();
    this.timer = setInterval(() => {
      void this.readMuted().then((muted) => (this.shownMuted = muted));
    }, BASELINE_POLL_MS);
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * A click: flip the local state, PATCH, then poll every second until the server shows it.
   * Resolves with the milliseconds from the click to the poll that confirmed it.
   */
  async clickMute(): Promise<number> {
    const start = performance.now();
    const target = !this.shownMuted;
    await this.request(
      'PATCH',
      `/conversations/calls/${this.conversationId}/participants/${this.participantId}`,
      {
        muted: target,
      },
    );
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, BASELINE_POLL_MS));
      if ((await this.readMuted()) === target) break;
    }
    this.shownMuted = target;
    return performance.now() - start;
  }
}

/** The supervisor table of the tutorials: the activity query for the queues, every 5 s. */
export class BaselineSupervisor {
  requests = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly queueIds: readonly string[],
  ) {}

  private async queryOnce(): Promise<void> {
    // Every page, as the table needs all rows (a short page ends it).
    for (let pageNumber = 1; pageNumber <= 100; pageNumber += 1) {
      this.requests += 1;
      const response = await fetch(
        `${this.apiUrl}/api/v2/analytics/conversations/activity/query?pageSize=100&pageNumber=${pageNumber}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            metrics: [
              { metric: 'oWaiting', details: true },
              { metric: 'oInteracting', details: true },
            ],
            groupBy: ['queueId'],
            filter: {
              type: 'or',
              predicates: this.queueIds.map((value) => ({
                type: 'dimension',
                dimension: 'queueId',
                value,
              })),
            },
          }),
        },
      );
      const body = (await response.json()) as {
        results?: { entities?: unknown[] }[];
      };
      const rows = (body.results ?? []).reduce((n, r) => n + (r.entities?.length ?? 0), 0);
      if (rows < 100) break;
    }
  }

  start(): void {
    void this.queryOnce();
    this.timer = setInterval(() => void this.queryOnce(), BASELINE_TABLE_POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
