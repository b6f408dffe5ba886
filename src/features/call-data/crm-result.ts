import { signInRefusalOutlived } from '../../errors/sign-in-refusal';
import { message, type Message } from '../../i18n/message';
import type { CrmFailure } from './api/crm-client';
import type { CrmPlan } from './crm-plan';
import { keyList, type CallDataMessageId } from './messages';

export type CrmRun =
  | { status: 'idle' }
  | { status: 'running' }
  /** `expiresAt`: the sign-in the lookup ran with (a 401 is about that sign-in only). */
  | { status: 'failed'; failure: CrmFailure; expiresAt?: number }
  /** `saveId`: the save that carries the CRM's keys, when there were any to write. */
  | { status: 'done'; plan: CrmPlan; saveId?: number };

/** What the result line needs to know about now, beyond the lookup itself. */
export interface CrmNow {
  /** The write-back's save has not settled yet (its outcome then shows with the saves). */
  writing: boolean;
  /** The sign-in in use now ends then; `undefined` while signed out or expired. */
  expiresAt?: number;
}

export interface CrmResultLines {
  lines: Message<CallDataMessageId>[];
  failed: boolean;
}

/**
 * The lines under "Look up in CRM" once a lookup has ended, each only while it is still true:
 * "writing N keys" until that save settles (its outcome, saved or not, is the save's line), and a
 * refused sign-in until the agent has signed in again. Empty: nothing to show.
 */
export function crmResultLines(run: CrmRun, now: CrmNow): CrmResultLines {
  if (run.status === 'failed') {
    const outlived = signInRefusalOutlived(run.expiresAt, now.expiresAt);
    if (run.failure.kind === 'unauthorized' && outlived) return { lines: [], failed: true };
    return { lines: [failureMessage(run.failure)], failed: true };
  }
  if (run.status !== 'done') return { lines: [], failed: false };
  const { plan } = run;
  if (plan.refused?.kind === 'invalid') {
    const keys = keyList(plan.refused.keys.map((k) => k.key));
    return { lines: [message('callData.crm.refusedKeys', { keys })], failed: true };
  }
  if (plan.refused) return { lines: [message('callData.crm.refusedTotal')], failed: true };
  const lines: Message<CallDataMessageId>[] = [];
  const keys = Object.keys(plan.write);
  if (keys.length === 0) lines.push(message('callData.crm.nothingNew'));
  else if (now.writing)
    lines.push(message('callData.crm.writing', { count: keys.length, keys: keyList(keys) }));
  if (plan.skippedBusy.length > 0)
    lines.push(
      message('callData.crm.skippedBusy', {
        count: plan.skippedBusy.length,
        keys: keyList(plan.skippedBusy.map((s) => s.key)),
      }),
    );
  if (plan.skippedChanged.length > 0)
    lines.push(
      message('callData.crm.skippedChanged', {
        count: plan.skippedChanged.length,
        keys: keyList(plan.skippedChanged.map((s) => s.key)),
      }),
    );
  return { lines, failed: false };
}

export function failureMessage(failure: CrmFailure): Message<CallDataMessageId> {
  switch (failure.kind) {
    case 'timeout':
      return message('callData.crm.timeout', { seconds: Math.round(failure.ms / 1000) });
    case 'status':
      return message('callData.crm.status', { status: failure.status });
    default:
      return message(`callData.crm.${failure.kind}`);
  }
}
