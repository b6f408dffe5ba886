import { useLingui } from '@lingui/react';
import { useEffect, useRef, useState } from 'react';
import { useCatalog } from '../../../i18n/use-catalog';
import { useServices, useSession } from '../../../services/widget-services';
import { browserEnv } from '../browser-env';
import { errorText } from '../checks/error-text';
import { targetHosts } from '../checks/host-checks';
import { DESKTOP_HANDSHAKE } from '../desktop-handshake';
import { FEATURES, featureResult, type CheckResult, type SetupText } from '../model';
import { buildReport, summaryText } from '../report';
import { runSetupChecks, type SetupRun } from '../run-checks';
import { CATALOG, useSetupT } from '../text';
import { FeatureSection } from './feature-section';
import '../setup.css';

export interface SetupViewProps {
  /** The CRM lookup endpoint (`VITE_CRM_URL`), if any. */
  crmUrl?: string;
  /** The configured Play Prompt flow id (`VITE_GC_PLAY_PROMPT_FLOW_ID`), if any. */
  flowId?: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; checks: readonly CheckResult[] }
  | { kind: 'done'; run: SetupRun }
  | { kind: 'failed'; error: string; checks: readonly CheckResult[] };

/**
 * Opens a tiny blank window from the admin's click and closes it at once: whether the frame's
 * sandbox lets the sign-in and Renew sign-in windows open. Only framed (a top-level page may).
 */
function tryPopup(win: Window): 'opened' | 'blocked' {
  try {
    const opened = win.open('about:blank', '_blank', 'popup,width=80,height=60');
    if (!opened) return 'blocked';
    opened.close();
    return 'opened';
  } catch {
    return 'blocked';
  }
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

/**
 * The setup check (`?view=setup`, a lazy chunk): one click runs every check with the signed-in
 * user's own token and shows, per feature, works / will not work / not checked with the reason
 * and the fix; the result downloads as a JSON report and a text summary without a token, a name
 * or a number (docs/setup-check.md).
 */
export default function SetupView({ crmUrl, flowId }: SetupViewProps) {
  useCatalog(CATALOG);
  const t = useSetupT();
  const { i18n } = useLingui();
  const services = useServices();
  const user = useSession((s) => s.user);
  const launch = useSession((s) => s.launch);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const current = useRef<AbortController | undefined>(undefined);
  const accessToken = useRef<string | undefined>(undefined);
  const framed = useRef(false);

  // Leaving the view stops a run; its channel is released as the run unwinds.
  useEffect(() => () => current.current?.abort(), []);

  const start = () => {
    const browser = browserEnv(window);
    framed.current = browser.frame.framed;
    const popup = browser.frame.framed ? tryPopup(window) : undefined;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const live = () => !controller.signal.aborted;
    setPhase({ kind: 'running', checks: [] });
    const run = runSetupChecks({
      platform: services.platform,
      scheduler: services.scheduler,
      browser,
      launch: launch ?? { problems: [] },
      crmUrl,
      flowId,
      bootstrapSeen: services.slots.peek(DESKTOP_HANDSHAKE)?.bootstrapSeen(),
      popup,
      signal: controller.signal,
      onProgress: (checks) => live() && setPhase({ kind: 'running', checks }),
    });
    // The token the report must never carry, known before anything can be downloaded.
    const token = services.platform.accessToken().catch(() => undefined);
    Promise.all([run, token]).then(
      ([done, value]) => {
        if (!live()) return;
        accessToken.current = value;
        setPhase({ kind: 'done', run: done });
      },
      (error: unknown) =>
        live() &&
        setPhase((before) => ({
          kind: 'failed',
          error: errorText(error),
          checks: before.kind === 'running' ? before.checks : [],
        })),
    );
  };

  const download = (kind: 'json' | 'text') => {
    if (phase.kind !== 'done') return;
    const render = (m: SetupText) => i18n._(m.id, m.values);
    const report = buildReport(phase.run, {
      render,
      language: i18n.locale,
      environment: targetHosts(services.platform.target).environment,
      framed: framed.current,
      secrets: { values: [accessToken.current, user?.name, user?.email] },
    });
    const body = kind === 'json' ? JSON.stringify(report, null, 2) : summaryText(report, render);
    const url = URL.createObjectURL(
      new Blob([body], { type: kind === 'json' ? 'application/json' : 'text/plain;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `live-call-panel-setup-${stamp(phase.run.finishedAt)}.${kind === 'json' ? 'json' : 'txt'}`;
    link.click();
    services.scheduler.after(10_000, () => URL.revokeObjectURL(url));
  };

  const checks =
    phase.kind === 'done' ? phase.run.checks : phase.kind === 'idle' ? [] : phase.checks;
  const running = phase.kind === 'running';
  return (
    <div className="setup">
      <h2 className="setup-title">{t('setup.title')}</h2>
      <p className="muted">{t('setup.intro')}</p>
      <div className="setup-actions">
        <button type="button" className="button button-primary" onClick={start} disabled={running}>
          {t(phase.kind === 'idle' ? 'setup.run' : running ? 'setup.running' : 'setup.runAgain')}
        </button>
      </div>
      <p role="status" className="setup-progress">
        {phase.kind === 'done'
          ? t('setup.done', {
              time: t.clock(phase.run.finishedAt),
              requests: phase.run.requests,
            })
          : phase.kind === 'failed'
            ? t('setup.failed', { error: phase.error })
            : running
              ? t('setup.running')
              : ''}
      </p>
      {phase.kind !== 'idle' ? (
        <div className="setup-features" aria-label={t('setup.featuresLabel')} role="group">
          {FEATURES.map((feature) => (
            <FeatureSection
              key={feature}
              result={featureResult(feature, checks)}
              running={running}
            />
          ))}
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <div className="setup-downloads">
          <button type="button" className="button" onClick={() => download('json')}>
            {t('setup.download.json')}
          </button>
          <button type="button" className="button" onClick={() => download('text')}>
            {t('setup.download.text')}
          </button>
          <p className="muted">{t('setup.download.note')}</p>
        </div>
      ) : null}
    </div>
  );
}
