import { useId } from 'react';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useQueueName } from '../../../directory/use-names';
import { completionRate, sparklinePoints } from '../figures';
import type { LiveTableModel } from '../live-table-model';
import { useSupervisorT } from '../text';
import { useFigures } from './use-model';

const SPARK_WIDTH = 96;
const SPARK_HEIGHT = 24;
/** A queue name is cut here (the whole name, made safe, in the label's title). */
const QUEUE_NAME_MAX = 80;

function QueueBar({ queueId, count, max }: { queueId: string; count: number; max: number }) {
  const t = useSupervisorT();
  const name = useQueueName(queueId);
  return (
    <li className="supervisor-bar-row">
      <span
        className="supervisor-bar-name"
        title={name ? displayString(name, { max: TITLE_MAX }) : undefined}
      >
        {name ? <UntrustedText text={name} max={QUEUE_NAME_MAX} /> : t('supervisor.queue.unnamed')}
      </span>
      <span className="supervisor-bar" aria-hidden="true">
        <span
          className="supervisor-bar-fill"
          style={{ width: `${max === 0 ? 0 : (count / max) * 100}%` }}
        />
      </span>
      <span className="supervisor-bar-count">{t.number(count)}</span>
    </li>
  );
}

function Trend({ label, count, values }: { label: string; count: number; values: number[] }) {
  const t = useSupervisorT();
  return (
    <figure className="supervisor-figure">
      <figcaption>{label}</figcaption>
      <p className="supervisor-figure-value">{t.number(count)}</p>
      <svg
        className="supervisor-spark"
        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        role="img"
        aria-label={t('supervisor.figures.trend', {
          label,
          count,
          values: values.map((v) => t.number(v)).join(', ') || t.number(count),
        })}
      >
        <polyline points={sparklinePoints([...values, count], SPARK_WIDTH, SPARK_HEIGHT)} />
      </svg>
    </figure>
  );
}

/**
 * Where a supervisor would rather look than read: calls per queue as bars, muted and held now
 * with their recent trend, and how many playbacks completed. Plain SVG and CSS.
 */
export function LiveFigures({ model }: { model: LiveTableModel }) {
  const t = useSupervisorT();
  const id = useId();
  const figures = useFigures(model);
  const max = Math.max(0, ...figures.perQueue.map((q) => q.count));
  const rate = completionRate(figures.playback);
  return (
    <section className="supervisor-figures" aria-labelledby={id}>
      <h3 id={id} className="visually-hidden">
        {t('supervisor.figures.label')}
      </h3>
      <figure className="supervisor-figure supervisor-figure-wide">
        <figcaption>{t('supervisor.figures.perQueue')}</figcaption>
        <ul className="supervisor-bars">
          {figures.perQueue.map((q) => (
            <QueueBar key={q.queueId} queueId={q.queueId} count={q.count} max={max} />
          ))}
        </ul>
      </figure>
      <Trend
        label={t('supervisor.figures.muted')}
        count={figures.muted}
        values={figures.history.muted}
      />
      <Trend
        label={t('supervisor.figures.held')}
        count={figures.held}
        values={figures.history.held}
      />
      <figure className="supervisor-figure">
        <figcaption>{t('supervisor.figures.playback')}</figcaption>
        {rate === undefined ? (
          <p className="muted">{t('supervisor.figures.playbackNone')}</p>
        ) : (
          <>
            <p className="supervisor-figure-value">
              {t('supervisor.figures.playbackRate', { rate, ...figures.playback })}
            </p>
            <span className="supervisor-bar" aria-hidden="true">
              <span className="supervisor-bar-fill" style={{ width: `${rate * 100}%` }} />
            </span>
          </>
        )}
      </figure>
    </section>
  );
}
