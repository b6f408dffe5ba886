import { useState } from 'react';
import { ProblemText } from '../../../components/ui/problem-text';
import { message, type Problem } from '../../../i18n/message';
import { explainError } from '../../../errors/explain-error';
import { useUserName } from '../../../directory/use-names';
import { useServices } from '../../../services/widget-services';
import { toPlatformError } from '../../../platform/errors';
import type { SupervisionApi, SupervisionMode } from '../../../platform/supervision';
import type { Call, CurrentUser } from '../../../platform/types';
import { isLegEnded } from '../../../domain/call-selectors';
import { workingAgent } from '../live-row';
import { allowedModes } from '../permissions';
import { supervisionProblem } from '../supervision-problem';
import { supervisedAgent, supervisorLeg } from '../supervisor-legs';
import { asCoreMessage, useSupervisorT } from '../text';

/**
 * Monitor, coach and barge-in on the call's agent: each offered only with its permission, each
 * one POST. The supervisor's phone is called and their new leg appears in the participants
 * (the queue topic carries it); a refusal is explained. "Leave" hangs up their own leg.
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
  const { platform } = useServices();
  const [pending, setPending] = useState<SupervisionMode | 'leave'>();
  const [sent, setSent] = useState<SupervisionMode>();
  const [problem, setProblem] = useState<Problem>();
  const modes = allowedModes(user.permissions);
  const agent = workingAgent(call);
  const mine = supervisorLeg(call, user.id);
  const active = mine && !isLegEnded(mine) ? mine : undefined;
  const current = active ? supervisedAgent(call, active) : undefined;
  const agentName = useUserName(current?.agent?.userId) ?? t('supervisor.role.agent');
  if (modes.length === 0) return null;

  const run = (mode: SupervisionMode) => {
    if (!agent) return;
    setPending(mode);
    setProblem(undefined);
    api
      .supervise(call.id, agent.id, mode)
      .then(() => setSent(mode))
      .catch((error: unknown) => setProblem(supervisionProblem(error, mode)))
      .finally(() => setPending(undefined));
  };
  const leave = () => {
    if (!active) return;
    setPending('leave');
    setProblem(undefined);
    platform
      .changeParticipant(call.id, active.id, { state: 'disconnected' })
      .then(() => setSent(undefined))
      .catch((error: unknown) =>
        setProblem(
          explainError(
            toPlatformError(error),
            asCoreMessage(message('supervisor.action.leaveFailed')),
          ),
        ),
      )
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
            onClick={leave}
          >
            {t('supervisor.action.leave')}
          </button>
        ) : null}
      </div>
      {modes.map((mode) => (
        <p key={mode} id={`supervisor-hint-${mode}`} className="visually-hidden">
          {t(`supervisor.action.hint.${mode}`)}
        </p>
      ))}
      {!agent ? <p className="muted">{t('supervisor.action.noAgent')}</p> : null}
      <p className="muted" role="status">
        {current?.mode
          ? t(`supervisor.mine.${current.mode}`, { agent: agentName })
          : sent && !active
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
