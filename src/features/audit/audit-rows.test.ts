import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-entry';
import { csvCells, toRow, type RowText } from './audit-rows';
import en from './locales/en.json';

/** The English catalogue with a minimal ICU fill-in, enough to read the rows. */
const t: RowText = (id, values) =>
  (en[id] as string).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: Date.UTC(2026, 0, 1, 10, 0, 0),
  conversationId: 'c1',
  actor: 'outside',
  kind: 'attribute',
  ...over,
});

const labels: Record<string, string> = { p1: 'Hold please', p2: 'Payment terms' };
const label = (id: string) => labels[id];

describe('toRow', () => {
  it('reads mute and hold as On/Off, on whose line, by whom', () => {
    const row = toRow(
      entry({ kind: 'mute', party: 'you', actor: 'you', from: 'false', to: 'true' }),
      t,
      label,
    );
    expect(csvCells(row)).toEqual([
      '2026-01-01T10:00:00.000Z',
      'c1',
      'You',
      'Your line',
      'Mute',
      '',
      'Off',
      'On',
    ]);
  });

  it('keeps attribute values as they are (the CSV writer escapes formulas)', () => {
    const row = toRow(entry({ party: 'customer', subject: 'note', to: '=1+1' }), t, label);
    expect([row.actor, row.party, row.event, row.detail, row.from, row.to]).toEqual([
      'Outside this panel',
      'Caller',
      'Call data',
      'note',
      '',
      '=1+1',
    ]);
  });

  it('names prompts by their label and says why a playback ended', () => {
    const ended = toRow(
      entry({ kind: 'playbackEnded', party: 'flow', subject: 'p2', reason: 'maxDuration' }),
      t,
      label,
    );
    expect([ended.event, ended.detail]).toEqual([
      'Playback ended (maximum duration)',
      'Payment terms',
    ]);
    const switched = toRow(
      entry({ kind: 'playbackSwitched', from: 'p2', to: 'p1', digit: '1' }),
      t,
      label,
    );
    expect([switched.event, switched.from, switched.to]).toEqual([
      'Prompt switched by key 1',
      'Payment terms',
      'Hold please',
    ]);
    const unknown = toRow(entry({ kind: 'playbackStarted', subject: 'p9' }), t, label);
    expect(unknown.detail).toBe('p9');
  });

  it('explains a failed request of the panel with its field and the platform’s code', () => {
    const row = toRow(
      entry({
        kind: 'requestFailed',
        actor: 'you',
        subject: 'held',
        to: 'true',
        reason: 'conversation.error.call.disconnected',
      }),
      t,
      label,
    );
    expect([row.event, row.detail]).toEqual([
      'Change not made (conversation.error.call.disconnected)',
      'Hold',
    ]);
  });
});
