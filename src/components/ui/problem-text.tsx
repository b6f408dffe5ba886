import { useT } from '../../i18n/use-t';
import type { Problem } from '../../i18n/message';

/** "Couldn't mute: your Genesys Cloud role doesn't allow it. … Reference abc." */
export function ProblemText({ problem }: { problem: Problem }) {
  const t = useT();
  const reason = t.message(problem.reason);
  const text = problem.action
    ? t('problem.withAction', { action: t.message(problem.action), reason })
    : reason;
  return (
    <>
      {text}
      {problem.reference ? ` ${t('error.reference', { id: problem.reference })}` : null}
    </>
  );
}
