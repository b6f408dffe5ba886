import type { Clock } from './clock.js';
import { secretToken } from './secrets.js';

export interface AccessToken {
  value: string;
  userId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

export interface AuthCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
}

export interface LoginSession {
  id: string;
  userId: string;
  expiresAt: number;
}

export const AUTH_CODE_TTL_MS = 60_000;
export const LOGIN_SESSION_TTL_MS = 8 * 60 * 60_000;

const TOKEN_BYTES = 48;
const CODE_BYTES = 32;
const SESSION_BYTES = 32;

/**
 * Access tokens, single-use authorization codes and login-page sessions; each value is
 * crypto-random (`secrets.ts`), never from the seed.
 */
export class AuthStore {
  private readonly tokens = new Map<string, AccessToken>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly sessions = new Map<string, LoginSession>();
  private tokenTtlMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly defaultTokenTtlMs: number,
  ) {
    this.tokenTtlMs = defaultTokenTtlMs;
  }

  reset(): void {
    this.tokens.clear();
    this.codes.clear();
    this.sessions.clear();
    this.tokenTtlMs = this.defaultTokenTtlMs;
  }

  get tokenTtlSeconds(): number {
    return Math.round(this.tokenTtlMs / 1000);
  }

  /** Lifetime of tokens issued from now on (control plane; reset restores the default). */
  setTokenTtlSeconds(seconds: number): void {
    this.tokenTtlMs = seconds * 1000;
  }

  issueCode(input: Omit<AuthCode, 'code' | 'expiresAt' | 'used'>): AuthCode {
    const code: AuthCode = {
      ...input,
      code: secretToken(CODE_BYTES),
      expiresAt: this.clock.now() + AUTH_CODE_TTL_MS,
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Returns the code record (even if used or expired) so the caller can say why it is invalid. */
  findCode(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  issueToken(userId: string, clientId: string): AccessToken {
    const now = this.clock.now();
    const token: AccessToken = {
      value: secretToken(TOKEN_BYTES),
      userId,
      clientId,
      issuedAt: now,
      expiresAt: now + this.tokenTtlMs,
    };
    this.tokens.set(token.value, token);
    return token;
  }

  /** A token that exists and has not expired, or undefined. */
  validToken(value: string): AccessToken | undefined {
    const token = this.tokens.get(value);
    return token && token.expiresAt > this.clock.now() ? token : undefined;
  }

  isValid(value: string): boolean {
    return this.validToken(value) !== undefined;
  }

  expireAllTokens(): void {
    const now = this.clock.now();
    for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }

  tokenCount(): number {
    return [...this.tokens.values()].filter((t) => t.expiresAt > this.clock.now()).length;
  }

  startSession(userId: string): LoginSession {
    const session = {
      id: secretToken(SESSION_BYTES),
      userId,
      expiresAt: this.clock.now() + LOGIN_SESSION_TTL_MS,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  findSession(id: string | undefined): LoginSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    return session && session.expiresAt > this.clock.now() ? session : undefined;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}
