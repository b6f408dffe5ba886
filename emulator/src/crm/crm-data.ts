/**
 * The sample CRM's records (not Genesys: a stand-in for an external system the widget enriches a
 * call from). Records are found by the caller's number; unknown numbers get a deterministic
 * record made from the digits, so every call has something to show.
 */

export interface CrmRecord {
  caseId: string;
  tier: 'Bronze' | 'Silver' | 'Gold' | 'Platinum';
  openCases: number;
  /** `yyyy-mm-dd` */
  lastContact: string;
}

/** Seeded customers by E.164 number (the demo call and the control plane's default caller). */
export const CRM_CUSTOMERS: Readonly<Record<string, CrmRecord>> = {
  '+13175550142': {
    caseId: 'CS-100871',
    tier: 'Platinum',
    openCases: 0,
    lastContact: '2026-09-18',
  },
  '+15555550123': { caseId: 'CS-104233', tier: 'Gold', openCases: 2, lastContact: '2026-10-02' },
  '+15550001111': { caseId: 'CS-099120', tier: 'Silver', openCases: 1, lastContact: '2026-08-27' },
  '+15550100200': { caseId: 'CS-101544', tier: 'Bronze', openCases: 3, lastContact: '2026-07-11' },
};

const DEFAULT_TIERS = ['Bronze', 'Silver', 'Gold'] as const;
const DAY_MS = 86_400_000;
const DEFAULT_EPOCH = Date.UTC(2026, 0, 1);

/** FNV-1a over the number's characters: the same number always gives the same record. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function crmRecordFor(number: string): CrmRecord {
  const seeded = CRM_CUSTOMERS[number];
  if (seeded) return seeded;
  const hash = hashOf(number);
  return {
    caseId: `CS-${200_000 + (hash % 100_000)}`,
    tier: DEFAULT_TIERS[hash % DEFAULT_TIERS.length]!,
    openCases: (hash >>> 8) % 5,
    lastContact: new Date(DEFAULT_EPOCH + ((hash >>> 12) % 300) * DAY_MS)
      .toISOString()
      .slice(0, 10),
  };
}

/**
 * The record as participant attributes. Architect's typed participant data carries its type as a
 * prefix of the value (`number:2`, `date:2026-10-02`), as a flow's Set Participant Data writes it.
 */
export function crmAttributes(record: CrmRecord): Record<string, string> {
  return {
    'crm.caseId': record.caseId,
    'crm.tier': record.tier,
    'crm.openCases': `number:${record.openCases}`,
    'crm.lastContact': `date:${record.lastContact}`,
  };
}
