import type { AuthStore, AccessToken } from './auth-store.js';
import type { Clock } from './clock.js';
import type { Faults } from './faults.js';
import type { IdSource } from './ids.js';
import type { ConversationStore } from './model/conversations.js';
import type { QueueInteractions } from './model/queue-interactions.js';
import type { SupervisorPhones } from './model/supervisor-phones.js';
import type { PlaybackEngine } from './playback/engine.js';
import type { RateLimiter } from './rate-limit.js';
import type { ChannelRegistry } from './realtime/channel-registry.js';
import type { SeedUser } from './seed.js';

export interface EmulatorOptions {
  clock?: Clock;
  /**
   * Seed for ids: the same seed gives the same conversation and participant ids. Tokens, codes,
   * sessions and channel ids are crypto-random whatever the seed.
   */
  seed?: number;
  /** Access token lifetime in seconds (default 86400, or EMULATOR_TOKEN_TTL_S in bin.ts). */
  tokenTtlSeconds?: number;
  /** Heartbeat interval on every socket (default 30 000 ms). */
  heartbeatMs?: number;
  /** Demo scenario: an inbound call for an agent a few seconds after they sign in. */
  demo?: boolean;
  demoDelayMs?: number;
  /** How often a running Play Prompt flow checks stop, digits and time (default 250 ms). */
  playbackTickMs?: number;
  /** Log requests (off by default; never logs tokens). */
  logger?: boolean;
}

export interface EmulatorContext {
  clock: Clock;
  ids: IdSource;
  auth: AuthStore;
  conversations: ConversationStore;
  channels: ChannelRegistry;
  faults: Faults;
  rateLimiter: RateLimiter;
  /** Chats, messages, emails and callbacks in queues (control plane only; none seeded). */
  interactions: QueueInteractions;
  /** Supervisors' phones: stations, and monitor / coach / barge legs that ring. */
  phones: SupervisorPhones;
  /** Secure IVR sessions and the Play Prompt flow they run. */
  playback: PlaybackEngine;
  options: Required<Omit<EmulatorOptions, 'clock' | 'seed' | 'logger'>>;
  /** Called when a token is issued; starts the demo call when the demo is on. */
  onSignIn(userId: string): void;
  /** Expired channels and channels of expired tokens are closed. */
  sweep(): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    accessToken: AccessToken | null;
    user: SeedUser | null;
  }
}
