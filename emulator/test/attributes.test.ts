/**
 * Participant attributes (contract §2.5): merge of string values, the emulator's limits with
 * real-looking errors, no event for a change that changes nothing, and changes made elsewhere
 * through the control plane.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  MAX_ATTRIBUTES_PER_PARTICIPANT,
  MAX_ATTRIBUTES_TOTAL_BYTES,
} from '../src/model/attribute-limits.js';
import { ALICE, api, BOB, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';
import { SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const callsTopic = `v2.users.${ALICE_ID}.conversations.calls`;

type Leg = { id: string; purpose: string; attributes: Record<string, string> };

let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
});

async function callWithCustomer(attributes: Record<string, string> = {}) {
  const call = await running.control.createCall({ agentEmail: ALICE, attributes });
  const customer = call.participants.find((p) => p.purpose === 'customer')!.id;
  const path = `/conversations/calls/${call.conversationId}/participants/${customer}/attributes`;
  return { ...call, customer, path };
}

async function subscribedSocket() {
  const channel = await api(running.url, alice, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(running.url, alice, 'PUT', `/notifications/channels/${id}/subscriptions`, [
    { id: callsTopic },
  ]);
  return RecordingSocket.open(connectUri);
}

const customerAttributes = (frame: Record<string, unknown>) =>
  (frame.eventBody as { participants: Leg[] }).participants.find((p) => p.purpose === 'customer')!
    .attributes;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PATCH …/participants/{pid}/attributes', () => {
  it('merges string values, answers 202 with the merged map and publishes the change', async () => {
    const socket = await subscribedSocket();
    const { path } = await callWithCustomer({ tier: 'Gold', region: 'EU' });
    await socket.next(onTopic(callsTopic));
    socket.frames.length = 0;
    const response = await api(running.url, alice, 'PATCH', path, {
      attributes: { region: 'US', note: '' },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ attributes: { tier: 'Gold', region: 'US', note: '' } });
    const frame = await socket.next(onTopic(callsTopic));
    expect(customerAttributes(frame)).toEqual({ tier: 'Gold', region: 'US', note: '' });
    expect(frame.metadata).toEqual({ CorrelationId: response.headers.get('inin-correlation-id') });
    socket.close();
  });

  it('publishes nothing for a change that changes nothing', async () => {
    const socket = await subscribedSocket();
    const { path } = await callWithCustomer({ tier: 'Gold' });
    await socket.next(onTopic(callsTopic));
    socket.frames.length = 0;
    const same = await api(running.url, alice, 'PATCH', path, { attributes: { tier: 'Gold' } });
    expect(same.status).toBe(202);
    const empty = await api(running.url, alice, 'PATCH', path, { attributes: {} });
    expect(empty.body).toEqual({ attributes: { tier: 'Gold' } });
    await sleep(100);
    expect(socket.frames.filter((f) => f.topicName === callsTopic)).toEqual([]);
    socket.close();
  });

  it('keeps a key like __proto__ as an ordinary key', async () => {
    const { path } = await callWithCustomer();
    const response = await api(
      running.url,
      alice,
      'PATCH',
      path,
      '{"attributes":{"__proto__":"x"}}',
    );
    expect(response.status).toBe(202);
    expect(Object.keys(response.body?.attributes as object)).toEqual(['__proto__']);
    const notString = await api(
      running.url,
      alice,
      'PATCH',
      path,
      '{"attributes":{"__proto__":5}}',
    );
    expect(notString.body).toMatchObject({
      code: 'invalid.value',
      details: [{ fieldName: 'attributes.__proto__' }],
    });
  });

  it('refuses keys that are empty, too long or hold control characters', async () => {
    const { path } = await callWithCustomer();
    const cases: [Record<string, string>, string][] = [
      [{ '': 'x' }, 'attributes'],
      [{ ['k'.repeat(MAX_ATTRIBUTE_KEY_LENGTH + 1)]: 'x' }, 'attributes'],
      [{ 'bad\nkey': 'x' }, 'attributes.bad\nkey'],
    ];
    for (const [attributes, fieldName] of cases) {
      const response = await api(running.url, alice, 'PATCH', path, { attributes });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid.value', details: [{ fieldName }] });
    }
    const longest = { ['k'.repeat(MAX_ATTRIBUTE_KEY_LENGTH)]: 'x' };
    expect((await api(running.url, alice, 'PATCH', path, { attributes: longest })).status).toBe(
      202,
    );
  });

  it('refuses a value over the length limit and accepts one at it', async () => {
    const { path } = await callWithCustomer();
    const over = await api(running.url, alice, 'PATCH', path, {
      attributes: { big: 'x'.repeat(MAX_ATTRIBUTE_VALUE_LENGTH + 1) },
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 'invalid.value',
      details: [{ fieldName: 'attributes.big' }],
    });
    const at = await api(running.url, alice, 'PATCH', path, {
      attributes: { big: 'x'.repeat(MAX_ATTRIBUTE_VALUE_LENGTH) },
    });
    expect(at.status).toBe(202);
  });

  it('refuses more keys than a participant may hold, counting the existing ones', async () => {
    const { path } = await callWithCustomer({ existing: '1' });
    const keys = (n: number, prefix: string) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
    const fits = await api(running.url, alice, 'PATCH', path, {
      attributes: keys(MAX_ATTRIBUTES_PER_PARTICIPANT - 1, 'a'),
    });
    expect(fits.status).toBe(202);
    const over = await api(running.url, alice, 'PATCH', path, { attributes: { more: 'v' } });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 'invalid.value',
      details: [{ fieldName: 'attributes' }],
    });
    const state = await running.control.participant(
      (await running.control.state()).conversations[0]!.id,
      'customer',
    );
    expect(Object.keys(state.attributes ?? {})).toHaveLength(MAX_ATTRIBUTES_PER_PARTICIPANT);
  });

  it('refuses a merged total over the size limit with 413 and writes nothing', async () => {
    const { path, conversationId } = await callWithCustomer();
    const chunk = 'x'.repeat(MAX_ATTRIBUTE_VALUE_LENGTH);
    const perRequest = 7; // 7 × 32 KiB stays under the 512 000-byte request limit
    const first = Object.fromEntries(
      Array.from({ length: perRequest }, (_, i) => [`a${i}`, chunk]),
    );
    expect((await api(running.url, alice, 'PATCH', path, { attributes: first })).status).toBe(202);
    const second = { b0: chunk, b1: chunk };
    expect(Object.keys(first).length + 2).toBeGreaterThan(
      MAX_ATTRIBUTES_TOTAL_BYTES / chunk.length,
    );
    const over = await api(running.url, alice, 'PATCH', path, { attributes: second });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'request.entity.too.large', status: 413 });
    const customer = await running.control.participant(conversationId, 'customer');
    expect(Object.keys(customer.attributes ?? {})).toHaveLength(perRequest);
  });

  it('requires the caller to be an active participant', async () => {
    const { path } = await callWithCustomer();
    const bob = await signIn(running.url, BOB);
    const response = await api(running.url, bob, 'PATCH', path, { attributes: { a: 'b' } });
    expect(response.status).toBe(403);
    expect(response.body?.code).toBe('conversation.error.forbidden.not.active.participant');
  });
});

describe('POST /__emulator/calls/{cid}/participants/{pid}/attributes', () => {
  it('merges a change made elsewhere and publishes it like any change', async () => {
    const socket = await subscribedSocket();
    const { conversationId, customer } = await callWithCustomer({ tier: 'Gold' });
    await socket.next(onTopic(callsTopic));
    socket.frames.length = 0;
    const result = await running.control.setAttributes(
      conversationId,
      customer,
      { 'crm.caseId': 'CS-1' },
      'flow',
    );
    expect(result).toEqual({
      ok: true,
      changed: true,
      attributes: { tier: 'Gold', 'crm.caseId': 'CS-1' },
    });
    const frame = await socket.next(onTopic(callsTopic));
    expect(customerAttributes(frame)).toEqual({ tier: 'Gold', 'crm.caseId': 'CS-1' });
    expect(JSON.stringify(frame)).not.toContain('flow');
    const again = await running.control.setAttributes(
      conversationId,
      customer,
      { 'crm.caseId': 'CS-1' },
      'crm',
    );
    expect(again.changed).toBe(false);
    await sleep(100);
    expect(socket.frames.filter((f) => f.topicName === callsTopic)).toEqual([]);
    socket.close();
  });

  it('applies the same limits, needs an actor, and refuses ended calls', async () => {
    const { conversationId, customer } = await callWithCustomer();
    await expect(
      running.control.setAttributes(conversationId, customer, { '': 'x' }, 'flow'),
    ).rejects.toThrow(/400/);
    await expect(
      running.control.setAttributes(conversationId, customer, { a: 'x' }, ''),
    ).rejects.toThrow(/400/);
    await expect(
      running.control.setAttributes(conversationId, 'nope', { a: 'x' }, 'flow'),
    ).rejects.toThrow(/404/);
    await running.control.hangup(conversationId);
    await expect(
      running.control.setAttributes(conversationId, customer, { a: 'x' }, 'flow'),
    ).rejects.toThrow(/400/);
  });
});
