import { HealthPill } from '../components/ui/health-pill';
import { LiveRegion } from '../components/ui/live-region';
import { CallArea } from '../features/call/components/call-area';
import { CallControls } from '../features/mute/components/call-controls';
import { useSession } from '../lib/services';

/** The widget's layout: who is signed in, connection health, and the call with its controls. */
export function Widget({ onSignInAgain }: { onSignInAgain(): void }) {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const problem = useSession((s) => s.problem);
  const launch = useSession((s) => s.launch);
  return (
    <div className="widget" data-widget-root="">
      <header className="widget-header">
        <h1>Live Call Panel</h1>
        {user ? <p className="signed-in-as">Signed in as {user.name}</p> : null}
        <HealthPill />
      </header>
      <main className="widget-main">
        {launch?.problems.length ? (
          <ul className="launch-problems" aria-label="Launch settings that were ignored">
            {launch.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        {status === 'reauthenticating' ? (
          <p role="status" className="notice">
            Your sign-in is being renewed. The call stays on screen; changes resume in a moment.
          </p>
        ) : null}
        {status === 'reauthFailed' ? (
          <div role="alert" className="problem">
            <p>
              Your sign-in expired and could not be renewed by itself ({problem}). The call is still
              shown but may be out of date.
            </p>
            <button type="button" onClick={onSignInAgain}>
              Sign in again
            </button>
          </div>
        ) : null}
        {status === 'failed' ? (
          <div role="alert" className="problem">
            <p>Sign-in did not complete: {problem}</p>
            <p>
              <a href={window.location.pathname}>Sign in again</a>
            </p>
          </div>
        ) : null}
        {status === 'signingIn' ? <p className="muted">Signing in…</p> : null}
        {user ? (
          <CallArea
            userId={user.id}
            conversationId={launch?.conversationId}
            renderControls={(call) => <CallControls call={call} userId={user.id} />}
          />
        ) : null}
      </main>
      <LiveRegion />
    </div>
  );
}
