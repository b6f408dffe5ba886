/**
 * The seeded org's stable ids and sign-in emails, in one place for the emulator (`src/seed.ts`,
 * `src/seed-architect.ts`), its tests, the e2e specs and the benchmarks. Importing this file
 * pulls in nothing else of the emulator.
 *
 * @example
 * import { SEED_USERS, QUEUE_IDS } from '../emulator/seed-ids.js';
 * await control.createCall({ agentEmail: SEED_USERS.alice.email, queue: 'Sales' });
 */
export const ORG_ID = '6f3c2a10-0000-4000-8000-00000000c0de';

export const SEED_USERS = {
  alice: {
    id: 'b0a1ce00-0000-4000-8000-00000000a11c',
    email: 'alice@example.com',
    name: 'Alice Agent',
  },
  bob: { id: 'b0a1ce00-0000-4000-8000-000000000b0b', email: 'bob@example.com', name: 'Bob Agent' },
  sam: {
    id: 'b0a1ce00-0000-4000-8000-000000005a11',
    email: 'sam@example.com',
    name: 'Sam Supervisor',
  },
} as const;

export const QUEUE_IDS = {
  support: 'a1c0ffee-0000-4000-8000-000000000001',
  sales: 'a1c0ffee-0000-4000-8000-000000000002',
} as const;

export const PROMPT_IDS = {
  recordingDisclosure: 'a0d10000-0000-4000-8000-000000000001',
  holdPlease: 'a0d10000-0000-4000-8000-000000000002',
  paymentTerms: 'a0d10000-0000-4000-8000-000000000003',
  surveyInvitation: 'a0d10000-0000-4000-8000-000000000004',
  transferNotice: 'a0d10000-0000-4000-8000-000000000005',
  holidayHours: 'a0d10000-0000-4000-8000-000000000006',
} as const;

/** The secure call flow this project defines (product brief §4). */
export const PLAY_PROMPT_FLOW_ID = 'f10e0000-0000-4000-8000-000000000001';
/** An inbound call flow: listed by `GET /flows`, refused as a secure session's flow. */
export const MAIN_MENU_FLOW_ID = 'f10e0000-0000-4000-8000-000000000002';
