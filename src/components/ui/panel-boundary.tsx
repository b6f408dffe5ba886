import {
  Component,
  createContext,
  Suspense,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { message, type CoreMessageId, type Message } from '../../i18n/message';
import { useT } from '../../i18n/use-t';

/** The lazy panels, each with its own boundary. */
export type PanelName =
  | 'callData'
  | 'playback'
  | 'audit'
  | 'participants'
  | 'partyControls'
  | 'talkingWhileMuted'
  | 'supervisor'
  | 'setup';

const FAILED: Record<PanelName, CoreMessageId> = {
  callData: 'panel.failed.callData',
  playback: 'panel.failed.playback',
  audit: 'panel.failed.audit',
  participants: 'panel.failed.participants',
  partyControls: 'panel.failed.partyControls',
  talkingWhileMuted: 'panel.failed.talkingWhileMuted',
  supervisor: 'panel.failed.supervisor',
  setup: 'panel.failed.setup',
};

/** One panel that failed to load or render: reported once per failure. */
export interface PanelFailure {
  panel: PanelName;
  /** "Call data couldn't load", in the agent's language when rendered. */
  message: Message;
  error: unknown;
}

export type PanelFailureReporter = (failure: PanelFailure) => void;

const toConsole: PanelFailureReporter = ({ panel, error }) =>
  console.error(`Live Call Panel: the ${panel} panel failed to load or render.`, error);

const ReporterContext = createContext<PanelFailureReporter>(toConsole);

/**
 * Where one widget's panel failures go: the console and `onFailure` (the desktop's toasts, when
 * embedded), each failure once: a failed chunk that a panel remounted in another place (another
 * call, the view switched back) throws again is the same failure.
 */
export function PanelFailureProvider({
  onFailure,
  children,
}: {
  onFailure?: PanelFailureReporter;
  children: ReactNode;
}) {
  const latest = useRef(onFailure);
  useEffect(() => {
    latest.current = onFailure;
  });
  const [report] = useState(() => {
    const seen = new WeakSet<object>();
    return (failure: PanelFailure) => {
      const { error } = failure;
      if (typeof error === 'object' && error !== null) {
        if (seen.has(error)) return;
        seen.add(error);
      }
      toConsole(failure);
      latest.current?.(failure);
    };
  });
  return <ReporterContext.Provider value={report}>{children}</ReporterContext.Provider>;
}

interface BoundaryProps {
  /** Called once for each failure caught (a retry that fails again is a new failure). */
  onFailure(error: unknown): void;
  /** Before the panel is rendered again: forget the failed imports. */
  onRetry(): void;
  renderFailure(retry: () => void): ReactNode;
  children: ReactNode;
}

interface BoundaryState {
  failed: boolean;
  /** Bumped by each retry, so the panel mounts afresh. */
  attempt: number;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { failed: false, attempt: 0 };
  private reported = false;

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  componentDidCatch(error: unknown, _info: ErrorInfo) {
    if (this.reported) return;
    this.reported = true;
    this.props.onFailure(error);
  }

  private retry = () => {
    this.props.onRetry();
    this.reported = false;
    this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
  };

  render() {
    if (this.state.failed) return this.props.renderFailure(this.retry);
    return <ChildrenOf key={this.state.attempt}>{this.props.children}</ChildrenOf>;
  }
}

function ChildrenOf({ children }: { children: ReactNode }) {
  return children;
}

export interface PanelBoundaryProps {
  panel: PanelName;
  /** The lazy components inside, whose failed imports Retry forgets. */
  lazies?: readonly { retry(): void }[];
  /** Shown while the chunk loads (default: nothing). */
  fallback?: ReactNode;
  children: ReactNode;
}

/**
 * Where a lazy panel sits: while its chunk loads, the fallback; when its chunk or its render
 * fails, "Call data couldn't load" in its place with a Retry that imports the chunk again. The
 * rest of the widget keeps working. Each failure is reported once (see `PanelFailureProvider`).
 */
export function PanelBoundary({
  panel,
  lazies = [],
  fallback = null,
  children,
}: PanelBoundaryProps) {
  const t = useT();
  const report = useContext(ReporterContext);
  const id = useId();
  const failed = message(FAILED[panel]);
  return (
    <Boundary
      onFailure={(error) => report({ panel, message: failed, error })}
      onRetry={() => lazies.forEach((l) => l.retry())}
      renderFailure={(retry) => (
        <div className="inline-alert panel-failure" role="alert" data-panel={panel}>
          <p id={id}>{t.message(failed)}</p>
          <button
            type="button"
            className="button button-ghost"
            aria-describedby={id}
            onClick={retry}
          >
            {t('panel.retry')}
          </button>
        </div>
      )}
    >
      <Suspense fallback={fallback}>{children}</Suspense>
    </Boundary>
  );
}
