/**
 * An outbound call placed by an agent (issue 18 shape 4; FIDELITY.md O1–O3):
 * `POST /api/v2/conversations/calls {phoneNumber}`. The agent's leg comes first, connected at
 * once (their station), purpose `user` with no queue; the dialled number's leg is `external`,
 * `contacting` until it answers or not (parties.ts `ringOutcome`). With `callFromQueueId` the
 * agent's leg is `agent` and the remote one `customer`, both carrying the queue.
 */
import type { IdSource } from '../ids.js';
import { badRequest } from '../errors.js';
import { findQueue, type SeedUser } from '../seed.js';
import { stationUri } from './addresses.js';
import { newTargetLeg, telUri } from './party-legs.js';
import type { ConversationRecord, ParticipantRecord } from './types.js';

export interface OutboundInput {
  user: SeedUser;
  phoneNumber: string;
  callFromQueueId?: string;
  /** After-call work for the agent when their leg ends (control plane only). */
  wrapup?: 'required' | 'optional';
}

export function buildOutbound(
  input: OutboundInput,
  now: number,
  ids: IdSource,
): ConversationRecord {
  const queue = input.callFromQueueId ? findQueue(input.callFromQueueId) : undefined;
  if (input.callFromQueueId && !queue) {
    throw badRequest(`Unknown queue ${input.callFromQueueId}.`, 'invalid.value', 'callFromQueueId');
  }
  const station = stationUri(input.user);
  const dialled = telUri(input.phoneNumber);
  const agent: ParticipantRecord = {
    id: ids.uuid(),
    callId: ids.uuid(),
    purpose: queue ? 'agent' : 'user',
    address: station,
    userId: input.user.id,
    queueId: queue?.id,
    state: 'connected',
    initialState: 'dialing',
    direction: 'outbound',
    startTime: now,
    connectedTime: now,
    held: false,
    muted: false,
    confined: false,
    recording: false,
    attributes: {},
    ani: station,
    dnis: dialled,
    wrapupRequired: false,
  };
  const conversation: ConversationRecord = {
    id: ids.uuid(),
    queueId: queue?.id,
    startTime: now,
    participants: [agent],
    recordingState: 'none',
    digits: [],
    wrapup: input.wrapup,
  };
  const remote = newTargetLeg(conversation, { address: dialled }, now, ids, 'phoneNumber');
  remote.ani = station;
  if (queue) {
    remote.purpose = 'customer';
    remote.queueId = queue.id;
  }
  agent.peer = remote.callId;
  conversation.participants.push(remote);
  return conversation;
}
