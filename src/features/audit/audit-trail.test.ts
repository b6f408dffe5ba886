import { describe, expect, it } from 'vitest';
import type { Call } from '../../platform/types';
import { participant } from '../../testing/factories';
import { CID, setup } from './audit-trail-harness';

describe('the audit trail', () => {
  it('says "you" only for changes a request of this panel explains', async () => {
    const t = await setup();
    t.intents.requestFlag(CID, 'agent', 'muted', true);
    await t.settle();
    await t.server({ agent: { muted: true } });
    await t.server({ agent: { muted: false } });
    t.intents.requestAttributes(CID, 'cust', { note: 'vip' });
    await t.settle();
    await t.server(t.attrs({ note: 'vip' }));
    await t.server(t.attrs({ note: 'gold' }));
    expect(t.rows()).toEqual([
      { kind: 'mute', actor: 'you', from: 'false', to: 'true' },
      { kind: 'mute', actor: 'outside', from: 'true', to: 'false' },
      { kind: 'attribute', actor: 'you', subject: 'note', to: 'vip' },
      { kind: 'attribute', actor: 'outside', subject: 'note', from: 'vip', to: 'gold' },
    ]);
    expect(t.trail.entries().map((e) => e.party)).toEqual(['you', 'you', 'customer', 'customer']);
  });

  it('records a request of this panel that failed', async () => {
    const t = await setup({ failAttributes: true });
    t.intents.requestAttributes(CID, 'cust', { note: 'x' });
    await t.settle();
    expect(t.rows()).toEqual([
      { kind: 'requestFailed', actor: 'you', subject: 'note', to: 'x', reason: 'invalid.value' },
    ]);
  });

  it('keeps the newest entries within its limit, numbered over the whole session', async () => {
    const t = await setup({ limit: 10 });
    for (let i = 0; i < 25; i += 1) await t.server({ agent: { held: i % 2 === 0 } });
    const entries = t.trail.entries();
    expect(entries).toHaveLength(10);
    expect(entries.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('holds what happens while its recorder loads, then records it in order', async () => {
    let release = () => {};
    const t = await setup({
      loadRecorder: () =>
        new Promise((resolve) => {
          release = () => resolve(import('./audit-recorder'));
        }),
    });
    await t.server({ agent: { muted: true } });
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    expect(t.trail.entries()).toEqual([]);
    release();
    await t.trail.ready();
    expect(t.rows()).toEqual([
      { kind: 'mute', actor: 'outside', from: 'false', to: 'true' },
      { kind: 'playbackRequested', actor: 'you', subject: 'p1' },
    ]);
  });

  it('ignores calls the user has no leg on (a supervisor’s queue view)', async () => {
    const t = await setup();
    const theirs: Call = {
      id: 'c2',
      participants: [
        participant({ id: 'x', purpose: 'customer' }),
        participant({ id: 'y', userId: 'other' }),
      ],
    };
    t.sync.apply(theirs, { at: 1, source: 'event' });
    t.sync.apply(
      {
        ...theirs,
        participants: [theirs.participants[0]!, { ...theirs.participants[1]!, muted: true }],
      },
      { at: 2, source: 'event' },
    );
    await Promise.resolve();
    expect(t.trail.entries()).toEqual([]);
  });
});
