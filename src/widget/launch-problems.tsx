import { boundMessage } from '../components/ui/display-text';
import { useT } from '../i18n/use-t';
import type { Message } from '../i18n/message';

/**
 * Launch settings that were ignored, folded into one line that expands. A refused value is the
 * URL's: shown with its invisible characters visible, bounded.
 */
export function LaunchProblems({ problems }: { problems: Message[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <details className="launch-problems">
      <summary>{t('launch.summary', { count: problems.length })}</summary>
      <ul aria-label={t('launch.listLabel')}>
        {problems.map((p, i) => (
          <li key={`${p.id}-${i}`}>{t.message(boundMessage(p))}</li>
        ))}
      </ul>
    </details>
  );
}
