import { useSupervisorT } from '../text';

/** For users whose role lacks the view's permissions: what is missing, and the way back. */
export function NoAccess({ missing, onLeave }: { missing: string[]; onLeave(): void }) {
  const t = useSupervisorT();
  return (
    <section className="notice supervisor-no-access" aria-labelledby="supervisor-no-access">
      <h2 id="supervisor-no-access" className="supervisor-title">
        {t('supervisor.noAccess.title')}
      </h2>
      <p>{t('supervisor.noAccess.body', { permissions: missing.join(', ') })}</p>
      <button type="button" className="button" onClick={onLeave}>
        {t('supervisor.noAccess.back')}
      </button>
    </section>
  );
}
