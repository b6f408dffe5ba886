import { useState } from 'react';
import { ProblemText } from '../../../components/ui/problem-text';
import { message, type Problem } from '../../../i18n/message';
import { explainError } from '../../../errors/explain-error';
import { signInRefusalOutlived } from '../../../errors/sign-in-refusal';
import { useUserName } from '../../../directory/use-names';
import { useServices, useSession } from '../../../services/widget-services';
import { toPlatformError } from '../../../platform/errors';
import type { SupervisionApi, SupervisionMode } from '../../../platform/supervision';
import type { Call, CurrentUser } from '../../../platform/types';
import { workingAgent } from '../live-row';
import { allowedModes } from '../permissions';
import { supervisionProblem } from '../supervision-problem';
import { statusMessage, supervisedAgent, supervisionStatus } from '../supervisor-legs';
import { asCoreMessage, useSupervisorT, type SupervisorMessageId } from '../text';

const NOTHING_DISMISSED: ReadonlySet<string> = new Set();

/**
 * Monitor, coach and barge-in on the call's agent: each offered only with its permission, each
 * one POST. The supervisor's phone is called (contract §2.7) and their new leg appears in the
 * participants (the queue topic carries it): while it rings the panel says "Calling your
 * phone…" and offers Cancel, once answered it says how they are on the call and offers Leave;
 * a leg that rang out says their phone didn't answer; a refusal is explained. Cancel and Leave
 * are the same platform request: their own participant PATCHed to `{state: 'disconnected'}`.
 */
export function SupervisionActions({
  call,
  user,
  api,
}: {
  call: Call;
  user: CurrentUser;
  api: SupervisionApi;
}) {
  const t = useSupervisorT();
  const { platform, session } = useServices();
  const [pending, setPending] = useState<SupervisionMode | 'leave'>();
  const [sent, setSent] = useState<SupervisionMode>();
  const [failure, setFailure] = useState<{ problem: Problem; refused: boolean; signIn?: number }>();
  const signedIn = useSession((s) => (s.status === 'signedIn' ? s.expiresAt : undefined));
  // A refused sign-in ends when the supervisor has signed in again; other failures stay.
  const outlived = failure?.refused && signInRefusalOutlived(failure.signIn, signedIn);
  const problem = outlived ? undefined : failure?.problem;
  const setProblem = (next: Problem | undefined, error?: unknown) =>
    setFailure(
      next && {
        problem: next,
        refused: toPlatformError(error).kind === 'unauthorized',
        signIn: session.getState().expiresAt,
      },
    );
  // Legs whose end is no news: cancelled here while ringing, or a missed one asked again since.
  const [dismissed, setDismissed] = useState(NOTHING_DISMISSED);
  const modes = allowedModes(user.permissions);
  const agent = workingAgent(call);
  const status = supervisionStatus(call, user.id, dismissed);
  const active = status && status.phase !== 'unanswered' ? status.leg : undefined;
  const ringing = status?.phase === 'ringing';
  const current = active ? supervisedAgent(call, active) : undefined;
  const agentName = useUserName(current?.agent?.userId) ?? t('supervisor.role.agent');
  if (modes.length === 0) return null;

  const dismiss = (legId: string, on: boolean) =>
    setDismissed((before) => {
      const after = new Set(before);
      if (on) after.add(legId);
      else after.delete(legId);
      return after;
    });

  const run = (mode: SupervisionMode) => {
    if (!agent) return;
    if (status?.phase === 'unanswered') dismiss(status.leg.id, true);
    setPending(mode);
    setProblem(undefined);
    api
      .supervise(call.id, agent.id, mode)
      .then(() => setSent(mode))
      .catch((error: unknown) => setProblem(supervisionProblem(error, mode), error))
      .finally(() => setPending(undefined));
  };
  /** Leave (answered) or Cancel (ringing): the platform's one way, the own leg disconnected. */
  const hangUp = () => {
    if (!active) return;
    const legId = active.id;
    const failed: SupervisorMessageId = ringing
      ? 'supervisor.leg.cancelFailed'
      : 'supervisor.action.leaveFailed';
    if (ringing) dismiss(legId, true);
    setPending('leave');
    setProblem(undefined);
    platform
      .changeParticipant(call.id, legId, { state: 'disconnected' })
      .then(() => setSent(undefined))
      .catch((error: unknown) => {
        dismiss(legId, false);
        setProblem(explainError(toPlatformError(error), asCoreMessage(message(failed))), error);
      })
      .finally(() => setPending(undefined));
  };

  return (
    <div className="supervisor-actions">
      <div
        role="group"
        aria-label={t('supervisor.actions.label')}
        className="supervisor-action-buttons"
      >
        {modes.map((mode) => (
          <button
            key={mode}
            type="button"
            className={`button${current?.mode === mode ? ' button-primary' : ''}`}
            aria-pressed={current?.mode === mode}
            aria-describedby={`supervisor-hint-${mode}`}
            disabled={!agent || pending !== undefined}
            onClick={() => run(mode)}
          >
            {t(`supervisor.action.${mode}`)}
          </button>
        ))}
        {active ? (
          <button
            type="button"
            className="button button-ghost"
            disabled={pending !== undefined}
            onClick={hangUp}
          >
            {t(ringing ? 'supervisor.leg.cancel' : 'supervisor.action.leave')}
          </button>
        ) : null}
      </div>
      {modes.map((mode) => (
        <p key={mode} id={`supervisor-hint-${mode}`} className="visually-hidden">
          {t(`supervisor.action.hint.${mode}`)}
        </p>
      ))}
      {!agent ? <p className="muted">{t('supervisor.action.noAgent')}</p> : null}
      <p className="muted" role="status" data-phase={status?.phase ?? (sent ? 'sent' : 'none')}>
        {status
          ? t.message(statusMessage(status, agentName))
          : sent
            ? t('supervisor.action.sent')
            : ''}
      </p>
      {problem ? (
        <p className="inline-alert" role="alert">
          <ProblemText problem={problem} />
        </p>
      ) : null}
    </div>
  );
}
