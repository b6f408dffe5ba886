import {
  FEATURES,
  featureResult,
  inListingOrder,
  type CheckResult,
  type CheckStatus,
  type SetupText,
} from './model';
import type { SetupRun } from './run-checks';

/** Renders a message in the admin's language (the i18n instance's `_`). */
export type Render = (message: SetupText) => string;

export interface ReportCheck {
  id: string;
  features: string[];
  status: CheckStatus;
  optional: boolean;
  title: string;
  detail: string;
  notes: string[];
  fix?: string;
  needs: string[];
  facts: Record<string, string | number | boolean>;
}

/** The downloadable report: what was checked and found, and nothing about anyone. */
export interface SetupReport {
  report: 'live-call-panel-setup-check';
  version: 1;
  generatedAt: string;
  language: string;
  environment: string;
  framed: boolean;
  requests: number;
  durationMs: number;
  features: {
    feature: string;
    name: string;
    status: CheckStatus;
    limits: number;
    checks: string[];
  }[];
  checks: ReportCheck[];
}

/** Things the report must never carry, whatever a check wrote (the token, the user's name…). */
export interface Secrets {
  values: readonly (string | undefined)[];
}

const REMOVED = '[removed]';
const PATTERNS: readonly RegExp[] = [
  // Addresses of callers and agents: tel: and sip: URIs, e-mail addresses.
  /\b(?:tel|sip|sips):[^\s,;)]+/gi,
  /[^\s@,;()]+@[^\s@,;()]+\.[a-z]{2,}/gi,
  // Phone numbers: a + and at least 6 more digits (spaces, dots, dashes and brackets between),
  // or 7 digits in a row.
  /\+\d[\d\s().-]{5,}\d/g,
  /\b\d{7,}\b/g,
  // Bearer tokens, whoever wrote them.
  /\bbearer\s+\S+/gi,
];

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks in one piece of text every secret given (the access token, the user's name and e-mail,
 * case-insensitive) and anything shaped like a phone number, an address or a bearer token.
 *
 * @example
 * scrub('Sam Supervisor at tel:+13175550142', { values: ['Sam Supervisor'] });
 * // '[removed] at [removed]'
 */
export function scrub(value: string, secrets: Secrets): string {
  let out = value;
  for (const secret of secrets.values)
    if (secret && secret.trim().length >= 3)
      out = out.replace(new RegExp(escapeRegExp(secret.trim()), 'gi'), REMOVED);
  for (const pattern of PATTERNS) out = out.replace(pattern, REMOVED);
  return out;
}

/**
 * The report of one run, its text rendered in the admin's language, every string masked by
 * `scrub` (the checks write no personal data by design; this is the second line).
 *
 * @example
 * const report = buildReport(run, { render: (m) => i18n._(m.id, m.values), language: 'en', environment: 'mypurecloud.ie', framed: false, secrets });
 */
export function buildReport(
  run: SetupRun,
  context: {
    render: Render;
    language: string;
    environment: string;
    framed: boolean;
    secrets: Secrets;
    now?: number;
  },
): SetupReport {
  const clean = (text: string) => scrub(text, context.secrets);
  const say = (message: SetupText) => clean(context.render(message));
  const checks = inListingOrder(run.checks).map((check: CheckResult): ReportCheck => ({
    id: check.id,
    features: [...check.features],
    status: check.status,
    optional: check.optional === true,
    title: say(check.title),
    detail: say(check.detail),
    notes: (check.notes ?? []).map(say),
    ...(check.fix ? { fix: say(check.fix) } : {}),
    needs: (check.needs ?? []).map(clean),
    facts: Object.fromEntries(
      Object.entries(check.facts ?? {}).map(([key, value]) => [
        key,
        typeof value === 'string' ? clean(value) : value,
      ]),
    ),
  }));
  return {
    report: 'live-call-panel-setup-check',
    version: 1,
    generatedAt: new Date(context.now ?? run.finishedAt).toISOString(),
    language: context.language,
    environment: clean(context.environment),
    framed: context.framed,
    requests: run.requests,
    durationMs: Math.max(0, run.finishedAt - run.startedAt),
    features: FEATURES.map((feature) => {
      const result = featureResult(feature, run.checks);
      return {
        feature,
        name: say({ id: `setup.feature.${feature}` }),
        status: result.status,
        limits: result.limits,
        checks: result.checks.map((c) => c.id),
      };
    }),
    checks,
  };
}

const MARK: Record<CheckStatus, string> = { works: '✓', willNotWork: '✗', notChecked: '–' };

/**
 * The report as plain text an admin can paste into a ticket: each feature with its verdict,
 * then each of its checks with the reason and the fix.
 */
export function summaryText(report: SetupReport, render: Render): string {
  const status = (value: CheckStatus) => render({ id: 'setup.status', values: { status: value } });
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  const lines = [
    render({ id: 'setup.title' }),
    `${report.generatedAt} · ${report.environment} · ${render({
      id: 'setup.done',
      values: { time: report.generatedAt, requests: report.requests },
    })}`,
    '',
  ];
  for (const feature of report.features) {
    const limits =
      feature.limits > 0
        ? ` (${render({ id: 'setup.limits', values: { count: feature.limits } })})`
        : '';
    lines.push(`${feature.name}: ${status(feature.status)}${limits}`);
    for (const id of feature.checks) {
      const check = byId.get(id);
      if (!check) continue;
      const optional = check.optional ? ` (${render({ id: 'setup.optional' })})` : '';
      lines.push(`  ${MARK[check.status]} ${check.title}${optional}: ${check.detail}`);
      for (const note of check.notes) lines.push(`      ${note}`);
      if (check.fix && check.status !== 'works')
        lines.push(`      ${render({ id: 'setup.fixLabel', values: { fix: check.fix } })}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
