import { readFileSync } from 'node:fs';
import { budgetOf, BUDGETS, type BudgetContext, type BudgetId } from './budgets.js';

/**
 * `npm run bench:check`: reads bench-results/latest.json (written by `npm run bench`) and the
 * budgets in bench/budgets.ts, prints each row against its budget, and exits 1 when a p95 is
 * over budget or a budgeted row is missing from the results.
 */
interface Row {
  id?: string;
  metric: string;
  p95: number;
}

const file = process.argv[2] ?? 'bench-results/latest.json';
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  at: string;
  rows: Row[];
  supervisor?: { liveCalls?: number };
  floor?: { liveCalls?: number };
};
const context: BudgetContext = {
  liveCalls: results.supervisor?.liveCalls ?? 0,
  floorCalls: results.floor?.liveCalls ?? 0,
};
const missed: string[] = [];
const table = (Object.keys(BUDGETS) as BudgetId[]).map((id) => {
  const row = results.rows.find((r) => r.id === id);
  const budget = budgetOf(id, context);
  const within = row !== undefined && Number.isFinite(row.p95) && row.p95 <= budget;
  if (!within)
    missed.push(row ? `${row.metric}: p95 ${row.p95} > ${budget}` : `${id}: not measured`);
  return {
    id,
    metric: row?.metric ?? '(missing)',
    p95: row?.p95,
    budget,
    within: within ? 'yes' : 'NO',
  };
});
console.log(`Bench results of ${results.at} (${file})`);
console.table(table);
if (missed.length > 0) {
  console.error(`${missed.length} budget(s) missed:\n- ${missed.join('\n- ')}`);
  process.exit(1);
}
console.log('Every budget holds.');
