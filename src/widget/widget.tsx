import { HealthPill } from '../components/ui/health-pill';
import { CallArea } from '../features/call/components/call-area';
import { useSession } from '../lib/services';

/** The widget's layout: who is signed in, connection health, and the call. */
export function Widget() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const problem = useSession((s) => s.problem);
  const launch = useSession((s) => s.launch);
  return (
    <div className="widget">
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
        {status === 'failed' ? (
          <div role="alert" className="problem">
            <p>Sign-in did not complete: {problem}</p>
            <p>
              <a href={window.location.pathname}>Sign in again</a>
            </p>
          </div>
        ) : null}
        {status === 'signingIn' ? <p className="muted">Signing in…</p> : null}
        {user ? <CallArea userId={user.id} conversationId={launch?.conversationId} /> : null}
      </main>
    </div>
  );
}
