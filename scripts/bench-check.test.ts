import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetOf, BUDGETS, type BudgetId } from '../bench/budgets.js';

/** `npm run bench:check` against a results file: every row at its budget, then one over. */
function check(rows: { id: string; metric: string; p95: number }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const file = join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify({ at: 'test', rows, supervisor: { liveCalls: 500 } }));
  try {
    execFileSync('npx', ['tsx', 'bench/check.ts', file], { stdio: 'pipe' });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

const atBudget = () =>
  (Object.keys(BUDGETS) as BudgetId[]).map((id) => ({
    id,
    metric: id,
    p95: budgetOf(id, { liveCalls: 500 }),
  }));

describe('bench:check', () => {
  it('passes when every row is within its budget, and fails on one over or one missing', () => {
    expect(check(atBudget())).toBe(0);
    const over = atBudget().map((r) => (r.id === 'clickConfirmedMs' ? { ...r, p95: 31 } : r));
    expect(check(over)).toBe(1);
    expect(check(atBudget().filter((r) => r.id !== 'initialJsKb'))).toBe(1);
  }, 60_000);
});
