import type { InstanceBus, BusMessage } from '../realtime/instance-bus';

export interface SharedToken {
  accessToken: string;
  expiresAt: number;
  /** Whose token it is, once known; an instance signed in as someone else ignores it. */
  userId?: string;
}

const isToken = (value: unknown): value is SharedToken =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SharedToken).accessToken === 'string' &&
  typeof (value as SharedToken).expiresAt === 'number';

/**
 * One sign-in serves every instance of the widget in this browser: an instance that has a
 * token answers the others' requests and announces renewals over the instances' bus
 * (BroadcastChannel: same origin only). Tokens travel in memory, never into storage or logs.
 *
 * @example
 * const token = await exchange.request(); // another instance's token, or undefined
 */
export class TokenExchange {
  private current?: SharedToken;
  private user?: string;
  private readonly listeners = new Set<(token: SharedToken) => void>();
  private readonly off: () => void;

  constructor(
    private readonly bus: InstanceBus,
    private readonly instanceId: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.off = bus.subscribe((m) => this.onMessage(m));
  }

  /** Asks the other instances for a usable token; undefined if none answers in time. */
  request(timeoutMs = 300): Promise<SharedToken | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(undefined);
      }, timeoutMs);
      const off = this.onToken((token) => {
        clearTimeout(timer);
        off();
        resolve(token);
      });
      this.bus.post({ type: 'token-request', from: this.instanceId });
    });
  }

  /** This instance signed in or renewed: remember it and tell the others. */
  publish(token: SharedToken): void {
    // Exactly the shared fields (a sign-in result carries more, which the others would refuse).
    const { accessToken, expiresAt, userId } = token;
    this.current =
      userId === undefined ? { accessToken, expiresAt } : { accessToken, expiresAt, userId };
    this.bus.post({ type: 'token', from: this.instanceId, token: this.current });
  }

  /** This instance is signed in as `userId`: tokens of other users are not for it. */
  bindUser(userId: string): void {
    this.user = userId;
    if (this.current && !this.current.userId) this.current = { ...this.current, userId };
  }

  /** A usable token from another instance. */
  onToken(listener: (token: SharedToken) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.off();
    this.listeners.clear();
  }

  private usable(token: SharedToken | undefined): token is SharedToken {
    return token !== undefined && token.expiresAt > this.now() + 30_000;
  }

  private onMessage(message: BusMessage): void {
    if (message.from === this.instanceId) return;
    if (message.type === 'token-request' && this.usable(this.current)) {
      this.bus.post({
        type: 'token',
        from: this.instanceId,
        to: message.from,
        token: this.current,
      });
      return;
    }
    if (message.type !== 'token' || (message.to && message.to !== this.instanceId)) return;
    if (!isToken(message.token) || !this.usable(message.token)) return;
    if (this.user && message.token.userId !== this.user) return;
    if (this.current && this.current.expiresAt >= message.token.expiresAt) return;
    this.current = message.token;
    for (const listener of [...this.listeners]) listener(message.token);
  }
}
