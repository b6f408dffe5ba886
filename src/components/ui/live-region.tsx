import { useUi } from '../../lib/services';

/** One polite live region per widget; every state change is announced through it. */
export function LiveRegion() {
  const announcement = useUi((s) => s.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}
