import { useLingui } from '@lingui/react';
import { useRef, useState } from 'react';
import { HealthPill } from '../components/ui/health-pill';
import { LiveRegion } from '../components/ui/live-region';
import {
  PanelBoundary,
  PanelFailureProvider,
  type PanelFailureReporter,
} from '../components/ui/panel-boundary';
import { retryableLazy } from '../components/ui/retryable-lazy';
import { AgentPanel } from '../features/call/components/agent-panel';
import { CallControls } from '../features/call-controls/components/call-controls';
import { offersSupervisorView } from '../features/supervisor/offer';
import { useT } from '../i18n/use-t';
import { useServices, useSession } from '../services/widget-services';
import { auditWiring } from './audit-trail-wiring';
import { DiagnosticsEntry } from './diagnostics-entry';
import { LaunchProblems } from './launch-problems';
import { usePageTheme } from './page-theme';
import { PlaybackExtras } from './playback-extras';
import { SessionBanner } from './session-banner';

const SupervisorView = retryableLazy(
  () => import('../features/supervisor/components/supervisor-view'),
);

/** Mute and hold for another party of a conference: rare, so a chunk of its own. */
const PartyToggles = retryableLazy(
  () => import('../features/call-controls/components/party-toggles'),
);

/** The setup check an admin runs (`?view=setup`): a chunk of its own. */
const SetupView = retryableLazy(() => import('../features/setup/components/setup-view'));

const CallDataPanel = retryableLazy(
  () => import('../features/call-data/components/call-data-panel'),
);

export interface WidgetProps {
  /** The call-data panel's CRM lookup endpoint (VITE_CRM_URL); none: no CRM round trip. */
  crmUrl?: string;
  /** A lazy panel failed to load or render (besides the console): the desktop's toast. */
  onPanelFailure?: PanelFailureReporter;
}

/** The widget's layout: who is signed in, connection health, and the call with its controls. */
export function Widget({ crmUrl, onPanelFailure }: WidgetProps = {}) {
  const t = useT();
  // The language the text is in (it switches from English a moment after start).
  const { locale } = useLingui().i18n;
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const launch = useSession((s) => s.launch);
  const services = useServices();
  const [chosenView, setView] = useState<'agent' | 'supervisor'>();
  const view = chosenView ?? launch?.view ?? 'agent';
  const offerSupervisor = user !== undefined && offersSupervisorView(user.permissions);
  const loading = <p className="muted">{t('loading')}</p>;
  const rootRef = useRef<HTMLDivElement>(null);
  usePageTheme(rootRef, launch?.theme);
  return (
    <PanelFailureProvider onFailure={onPanelFailure}>
      <div
        ref={rootRef}
        className="widget lcp-root"
        data-widget-root=""
        data-theme={launch?.theme}
        lang={locale}
      >
        <header className="widget-header">
          <h1 className="widget-title">{t('app.title')}</h1>
          {user ? <p className="signed-in-as">{t('app.signedInAs', { name: user.name })}</p> : null}
          {offerSupervisor || view === 'supervisor' ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setView(view === 'supervisor' ? 'agent' : 'supervisor')}
            >
              {t(view === 'supervisor' ? 'app.agentView' : 'app.supervisorView')}
            </button>
          ) : null}
          <DiagnosticsEntry view={view} />
          <HealthPill />
        </header>
        <main className="widget-main">
          <LaunchProblems problems={launch?.problems ?? []} />
          <SessionBanner />
          {status === 'signingIn' ? <p className="muted">{t('session.signingIn')}</p> : null}
          {user && view === 'supervisor' ? (
            <PanelBoundary panel="supervisor" lazies={[SupervisorView]} fallback={loading}>
              <SupervisorView onLeave={() => setView('agent')} />
            </PanelBoundary>
          ) : null}
          {user && view === 'setup' ? (
            <PanelBoundary panel="setup" lazies={[SetupView]} fallback={loading}>
              <SetupView crmUrl={crmUrl} flowId={auditWiring(services)?.flowId} />
            </PanelBoundary>
          ) : null}
          {user && view === 'agent' ? (
            <AgentPanel
              userId={user.id}
              pinnedId={launch?.conversationId}
              renderControls={(call) => <CallControls call={call} userId={user.id} />}
              renderPartyControls={(call, party, shape) => (
                <PanelBoundary panel="partyControls" lazies={[PartyToggles]}>
                  <PartyToggles conversationId={call.id} leg={party.leg} canHold={!shape.acd} />
                </PanelBoundary>
              )}
              renderExtras={(call) => (
                <>
                  <PanelBoundary panel="callData" lazies={[CallDataPanel]} fallback={loading}>
                    <CallDataPanel conversationId={call.id} crmUrl={crmUrl} />
                  </PanelBoundary>
                  <PlaybackExtras call={call} userId={user.id} />
                </>
              )}
            />
          ) : null}
        </main>
        <LiveRegion />
      </div>
    </PanelFailureProvider>
  );
}
