import { useT } from '../i18n/use-t';

/**
 * What a widget framed by a page that is not the Genesys Cloud desktop shows instead of its
 * controls: nothing to click, and why.
 */
export function FramingRefused({ origins }: { origins: readonly string[] }) {
  const t = useT();
  return (
    <div className="widget lcp-root" data-widget-root="">
      <main className="widget-main">
        <div className="inline-alert" role="alert" data-testid="framing-refused">
          <p>{t('launch.framedRefused', { origins: origins.join(', ') })}</p>
        </div>
      </main>
    </div>
  );
}
