import { useT } from '../i18n/use-t';
import { useServices, useSession } from '../services/widget-services';
import { signInAgainHref } from './sign-in-link';

/**
 * Sign-in state the agent must act on. Renewing needs a click (browsers block sign-in windows
 * opened by timers), so it is offered well before the token expires; after expiry the call stays
 * on screen, marked as out of date, until the agent signs in again.
 */
export function SessionBanner() {
  const t = useT();
  const { renewSignIn, platform } = useServices();
  const status = useSession((s) => s.status);
  const renewDue = useSession((s) => s.renewDue);
  const expiresAt = useSession((s) => s.expiresAt);
  const problem = useSession((s) => s.problem);
  const renew = () => void renewSignIn();
  if (status === 'renewing')
    return (
      <p role="status" className="banner banner-info">
        {t('session.renewing')}
      </p>
    );
  if (status === 'signInRequired')
    return (
      <div role="status" className="banner banner-info">
        <p>{problem ? t.message(problem) : t('session.signInRequired')}</p>
        <button type="button" className="button button-primary" onClick={renew}>
          {t('session.signIn')}
        </button>
      </div>
    );
  if (status === 'failed')
    return (
      <div role="alert" className="banner banner-error">
        <p>{t('session.failed', { reason: problem ? t.message(problem) : '' })}</p>
        <a className="button" href={signInAgainHref(platform.redirectUri, window.location.origin)}>
          {t('session.signInAgain')}
        </a>
      </div>
    );
  if (status === 'expired')
    return (
      <div role="alert" className="banner banner-error">
        <p>
          {problem && problem.id !== 'session.expired' ? t.message(problem) : t('session.expired')}
        </p>
        <button type="button" className="button button-primary" onClick={renew}>
          {t('session.signInAgain')}
        </button>
      </div>
    );
  if (status === 'signedIn' && renewDue)
    return (
      <div role="status" className="banner banner-warn">
        <p>
          {problem ? `${t.message(problem)} ` : ''}
          {t('session.renewDue', { time: expiresAt ? t.shortClock(expiresAt) : '' })}
        </p>
        <button type="button" className="button" onClick={renew}>
          {t('session.renew')}
        </button>
      </div>
    );
  return null;
}
