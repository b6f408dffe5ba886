import type { Message } from '../../i18n/message';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../services/widget-services';
import { displayString } from './display-text';
import { ProblemText } from './problem-text';

/**
 * An announcement's values may be untrusted (a caller's name): read out with their invisible
 * characters made visible and cut at 200 characters, as the screen shows them.
 */
const bounded = ({ id, values }: Message): Message =>
  values
    ? {
        id,
        values: Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? displayString(v) : v]),
        ),
      }
    : { id };

/** One polite live region per widget; every state change is announced through it, once. */
export function LiveRegion() {
  const t = useT();
  const announcement = useUi((s) => s.announcement);
  const content = announcement?.content;
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {content ? (
        <span key={announcement.id}>
          {'reason' in content ? <ProblemText problem={content} /> : t.message(bounded(content))}
        </span>
      ) : null}
    </div>
  );
}
