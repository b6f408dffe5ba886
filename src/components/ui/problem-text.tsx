import { useT } from '../../i18n/use-t';
import type { Problem } from '../../i18n/message';
import { boundMessage, displayString } from './display-text';

/**
 * "Couldn't mute: your Genesys Cloud role doesn't allow it. … Reference abc." Values from outside
 * (a server's detail, a reference) are shown with invisible characters visible, bounded.
 */
export function ProblemText({ problem }: { problem: Problem }) {
  const t = useT();
  const reason = t.message(boundMessage(problem.reason));
  const text = problem.action
    ? t('problem.withAction', { action: t.message(boundMessage(problem.action)), reason })
    : reason;
  return (
    <>
      {text}
      {problem.reference
        ? ` ${t('error.reference', { id: displayString(problem.reference, { max: 80 }) })}`
        : null}
    </>
  );
}
