import { describe, expect, it } from 'vitest';
import { ReadLedger } from './read-ledger';

describe('ReadLedger', () => {
  it('a scheduled call is "as of" its last receipt until an event or its read', () => {
    const ledger = new ReadLedger();
    ledger.received('a', 1000);
    ledger.received('b', 2000);
    ledger.schedule(['a', 'b', 'never-seen'], ledger.position());
    expect(ledger.asOf('a')).toBe(1000);
    expect(ledger.asOf('b')).toBe(2000);
    expect(ledger.asOf('never-seen')).toBeUndefined();

    ledger.event('a');
    expect(ledger.eventSinceScheduled('a')).toBe(true);
    expect(ledger.asOf('a')).toBeUndefined();
    ledger.read('b');
    expect(ledger.asOf('b')).toBeUndefined();
  });

  it('a read sent before an event is older than it', () => {
    const ledger = new ReadLedger();
    const sent = ledger.position();
    expect(ledger.eventSince('a', sent)).toBe(false);
    ledger.event('a');
    expect(ledger.eventSince('a', sent)).toBe(true);
    expect(ledger.eventSince('b', sent)).toBe(false);
  });

  it('a refusal lasts until the call is current again, or a new snapshot schedules it', () => {
    const ledger = new ReadLedger();
    ledger.refuse('a');
    ledger.refuse('b');
    expect([...ledger.refusedIds()]).toEqual(['a', 'b']);
    expect(ledger.clearRefusal('a')).toBe(true);
    expect(ledger.clearRefusal('a')).toBe(false);
    ledger.schedule(['b'], ledger.position());
    expect(ledger.isRefused('b')).toBe(false);
    ledger.refuse('c');
    ledger.received('c', 5);
    ledger.schedule(['c'], 0);
    ledger.refuse('c');
    ledger.forget('c');
    expect(ledger.isRefused('c')).toBe(false);
    expect(ledger.asOf('c')).toBeUndefined();
  });
});
