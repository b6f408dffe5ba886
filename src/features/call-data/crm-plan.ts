import { mergeEdits, type Attributes, type Edit } from './three-way-merge';
import {
  keyProblem,
  totalProblem,
  valueProblem,
  type KeyProblem,
  type TotalProblem,
  type ValueProblem,
} from './validation';

export interface CrmPlan {
  /** What goes in the one PATCH. */
  write: Record<string, string>;
  /** Keys the agent is editing or saving: the agent's value wins, the CRM's is not written. */
  skippedBusy: { key: string; crm: string }[];
  /** Keys someone else changed while the lookup ran: the newer value wins. */
  skippedChanged: { key: string; crm: string; now: string | undefined }[];
  /** Keys already at the CRM's value, or that the CRM did not change. */
  unchanged: string[];
  /** Set when nothing may be written at all (the answer is partly unwritable, or too big). */
  refused?:
    | { kind: 'invalid'; keys: { key: string; problem: KeyProblem | ValueProblem }[] }
    | { kind: 'total'; problem: TotalProblem };
}

/**
 * What to write back from a CRM answer, by the same rules as the agent's own edits: each
 * returned key is an edit based on the value the key had when the lookup started (`before`),
 * merged three-way with the attributes `now`; keys the agent is busy with are left alone. An
 * answer with any key the panel could not send is refused whole: nothing is half-written.
 */
export function planCrmWrite(
  returned: Attributes,
  before: Attributes,
  now: Attributes,
  busy: ReadonlySet<string>,
): CrmPlan {
  const plan: CrmPlan = { write: {}, skippedBusy: [], skippedChanged: [], unchanged: [] };
  const invalid = Object.entries(returned).flatMap(([key, value]) => {
    const problem = keyProblem(key) ?? valueProblem(key, value);
    return problem ? [{ key, problem }] : [];
  });
  if (invalid.length > 0) return { ...plan, refused: { kind: 'invalid', keys: invalid } };
  const edits: [string, Edit][] = Object.entries(returned).map(([key, mine]) => [
    key,
    { base: Object.hasOwn(before, key) ? before[key] : undefined, mine },
  ]);
  const merged = mergeEdits(Object.fromEntries(edits), now);
  const write: [string, string][] = [];
  for (const [key, value] of Object.entries(merged.write)) {
    if (busy.has(key)) plan.skippedBusy.push({ key, crm: value });
    else write.push([key, value]);
  }
  for (const conflict of merged.conflicts) {
    if (busy.has(conflict.key)) plan.skippedBusy.push({ key: conflict.key, crm: conflict.mine });
    else plan.skippedChanged.push({ key: conflict.key, crm: conflict.mine, now: conflict.theirs });
  }
  plan.unchanged = [...merged.converged, ...merged.unchanged];
  plan.write = Object.fromEntries(write);
  const total = totalProblem(now, plan.write);
  if (total) return { ...plan, write: {}, refused: { kind: 'total', problem: total } };
  return plan;
}
