import { useId } from 'react';
import type { FeatureResult } from '../model';
import { useSetupT } from '../text';
import { CheckItem, StatusLabel } from './check-item';

/** One feature: its verdict (with the parts that will not work) and each of its checks. */
export function FeatureSection({ result, running }: { result: FeatureResult; running: boolean }) {
  const t = useSetupT();
  const heading = useId();
  const status = running ? 'running' : result.status;
  return (
    <section
      className="setup-feature"
      aria-labelledby={heading}
      data-feature={result.feature}
      data-status={status}
    >
      <div className="setup-feature-head">
        <h3 id={heading} className="setup-feature-title">
          {t(`setup.feature.${result.feature}`)}
        </h3>
        <StatusLabel status={status} />
        {!running && result.limits > 0 ? (
          <span className="setup-feature-limits">
            {t('setup.limits', { count: result.limits })}
          </span>
        ) : null}
      </div>
      {result.checks.length > 0 ? (
        <ul className="setup-checks">
          {result.checks.map((check) => (
            <CheckItem key={check.id} check={check} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
