import { useT } from '../../i18n/use-t';
import { useUi } from '../../services/widget-services';
import { boundMessage } from './display-text';
import { ProblemText } from './problem-text';

/** One polite live region per widget; every state change is announced through it, once. */
export function LiveRegion() {
  const t = useT();
  const announcement = useUi((s) => s.announcement);
  const content = announcement?.content;
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {content ? (
        <span key={announcement.id}>
          {'reason' in content ? (
            <ProblemText problem={content} />
          ) : (
            t.message(boundMessage(content))
          )}
        </span>
      ) : null}
    </div>
  );
}
