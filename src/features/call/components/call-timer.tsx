import { useT } from '../../../i18n/use-t';
import { useNow } from '../../../time/use-now';

/** A live duration from a server timestamp (stops at `end` when given). */
export function CallTimer({
  from,
  end,
  testId,
  className,
}: {
  from: number;
  end?: number;
  testId?: string;
  className?: string;
}) {
  const t = useT();
  const now = useNow(end === undefined);
  return (
    <time className={className} data-testid={testId}>
      {t.duration((end ?? now) - from)}
    </time>
  );
}
