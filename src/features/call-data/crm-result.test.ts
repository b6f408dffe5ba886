import { describe, expect, it } from 'vitest';
import type { CrmPlan } from './crm-plan';
import { crmResultLines, type CrmRun } from './crm-result';

const plan = (over: Partial<CrmPlan> = {}): CrmPlan => ({
  write: { 'crm.tier': 'Gold', 'crm.caseId': 'CS-1' },
  skippedBusy: [],
  skippedChanged: [],
  unchanged: [],
  ...over,
});

const ids = (run: CrmRun, now: Parameters<typeof crmResultLines>[1]) =>
  crmResultLines(run, now).lines.map((line) => line.id);

describe('crmResultLines', () => {
  it('says the CRM is writing only while its save is in progress', () => {
    const run: CrmRun = { status: 'done', plan: plan(), saveId: 3 };
    expect(ids(run, { writing: true, expiresAt: 9 })).toEqual(['callData.crm.writing']);
    // Settled: the save's own line says what became of the keys; nothing is "writing" any more.
    expect(ids(run, { writing: false, expiresAt: 9 })).toEqual([]);
  });

  it('keeps what stays true after the write settles: keys it left alone and why', () => {
    const run: CrmRun = {
      status: 'done',
      plan: plan({
        skippedBusy: [{ key: 'note', crm: 'x' }],
        skippedChanged: [{ key: 'tier', crm: 'y', now: 'z' }],
      }),
      saveId: 1,
    };
    expect(ids(run, { writing: false })).toEqual([
      'callData.crm.skippedBusy',
      'callData.crm.skippedChanged',
    ]);
  });

  it('says when there was nothing new to write', () => {
    expect(ids({ status: 'done', plan: plan({ write: {} }) }, { writing: false })).toEqual([
      'callData.crm.nothingNew',
    ]);
  });

  it('shows a refused sign-in until the agent has signed in again, then no more', () => {
    const run: CrmRun = { status: 'failed', failure: { kind: 'unauthorized' }, expiresAt: 100 };
    expect(ids(run, { writing: false, expiresAt: 100 })).toEqual(['callData.crm.unauthorized']);
    // Expired or signed out meanwhile: still true.
    expect(ids(run, { writing: false })).toEqual(['callData.crm.unauthorized']);
    // A new sign-in (a new token, a new expiry): the refusal was about the old one.
    expect(ids(run, { writing: false, expiresAt: 200 })).toEqual([]);
  });

  it('keeps other failures: a new sign-in does not change what the CRM said', () => {
    const run: CrmRun = {
      status: 'failed',
      failure: { kind: 'status', status: 500 },
      expiresAt: 1,
    };
    expect(crmResultLines(run, { writing: false, expiresAt: 2 })).toEqual({
      lines: [{ id: 'callData.crm.status', values: { status: 500 } }],
      failed: true,
    });
  });

  it('shows nothing while idle or running', () => {
    expect(ids({ status: 'idle' }, { writing: false })).toEqual([]);
    expect(ids({ status: 'running' }, { writing: true })).toEqual([]);
  });
});
