import { PLAYBACK_KEY } from '../../domain/playback-protocol';
import type { MessageValues } from '../../i18n/message';
import type { AuditEntry } from './audit-entry';
import type { AuditMessageId } from './text';

/** One entry as text, the same for the table and the CSV file. */
export interface AuditRow {
  seq: number;
  /** ISO 8601 (UTC) for the file; the table shows the local clock. */
  iso: string;
  at: number;
  conversationId: string;
  actor: string;
  party: string;
  event: string;
  detail: string;
  from: string;
  to: string;
}

export interface RowText {
  (id: AuditMessageId, values?: MessageValues): string;
}

const FLAGS = new Set(['mute', 'hold']);
const REASONS = new Set([
  'completed',
  'maxDuration',
  'agentStop',
  'dtmf',
  'hangup',
  'error',
  'unknown',
]);

function value(
  t: RowText,
  entry: AuditEntry,
  raw: string | undefined,
  label: (id: string) => string | undefined,
): string {
  if (raw === undefined || raw === '') return '';
  if (FLAGS.has(entry.kind)) return t(raw === 'true' ? 'audit.value.on' : 'audit.value.off');
  if (entry.kind === 'playbackSwitched') return label(raw) ?? raw;
  if (entry.kind === 'playbackLateData' && entry.subject === PLAYBACK_KEY.promptId)
    return label(raw) ?? raw;
  return raw;
}

function detailOf(
  t: RowText,
  entry: AuditEntry,
  label: (id: string) => string | undefined,
): string {
  const subject = entry.subject ?? '';
  if (entry.kind === 'requestFailed' && (subject === 'muted' || subject === 'held'))
    return t(subject === 'muted' ? 'audit.field.muted' : 'audit.field.held');
  if (entry.kind === 'playbackLateData') return subject;
  if (entry.kind.startsWith('playback') && subject) return label(subject) ?? subject;
  return subject;
}

function reasonOf(t: RowText, reason: string | undefined): string {
  if (!reason) return '';
  return REASONS.has(reason) ? t(`audit.reason.${reason}` as AuditMessageId) : reason;
}

/**
 * The words for an entry: who (you, or outside this panel), on whose line, what happened, its
 * detail (attribute key, prompt) and old → new. Raw values are kept as they are (the CSV
 * writer escapes formulas); mute and hold read On/Off.
 */
export function toRow(
  entry: AuditEntry,
  t: RowText,
  label: (id: string) => string | undefined,
): AuditRow {
  const values = { digit: entry.digit ?? '', reason: reasonOf(t, entry.reason) };
  return {
    seq: entry.seq,
    iso: new Date(entry.at).toISOString(),
    at: entry.at,
    conversationId: entry.conversationId,
    actor: t(`audit.actor.${entry.actor}`),
    party: entry.party ? t(`audit.party.${entry.party}` as AuditMessageId) : '',
    event: t(`audit.kind.${entry.kind}` as AuditMessageId, values),
    detail: detailOf(t, entry, label),
    from: value(t, entry, entry.from, label),
    to: value(t, entry, entry.to, label),
  };
}

/** The CSV columns, in order, and each row's cells. */
export const CSV_COLUMNS: readonly AuditMessageId[] = [
  'audit.column.time',
  'audit.column.conversation',
  'audit.column.actor',
  'audit.column.party',
  'audit.column.event',
  'audit.column.detail',
  'audit.column.old',
  'audit.column.new',
];

export const csvCells = (row: AuditRow): string[] => [
  row.iso,
  row.conversationId,
  row.actor,
  row.party,
  row.event,
  row.detail,
  row.from,
  row.to,
];
