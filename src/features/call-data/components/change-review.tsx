import { useId, type Ref } from 'react';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { CallDataMessageId } from '../messages';
import type { Conflict, MergePlan } from '../three-way-merge';
import { ConflictCard } from './conflict-card';
import { LongText } from './long-text';
import { KEY_BREAKS } from '../limits';

export interface ChangeReviewProps {
  headingRef: Ref<HTMLHeadingElement>;
  plan: MergePlan;
  theirs: Readonly<Record<string, string>>;
  onSave(): void;
  onBack(): void;
  onKeepTheirs(key: string): void;
  onTakeMine(key: string): void;
}

function Change({ keyName, from, to }: { keyName: string; from?: string; to: string }) {
  const t = useT<CallDataMessageId>();
  const empty = <span className="muted">{t('callData.emptyValue')}</span>;
  return (
    <li className="call-data-change" data-change={keyName}>
      <span className="call-data-key">
        <UntrustedText text={keyName} max={80} breakAfter={KEY_BREAKS} />
      </span>
      {from === undefined ? (
        <span className="badge">{t('callData.added')}</span>
      ) : (
        <del>
          <span className="visually-hidden">{t('callData.was')} </span>
          {from === '' ? empty : <LongText text={from} />}
        </del>
      )}
      <ins>
        <span className="visually-hidden">{t('callData.becomes')} </span>
        {to === '' ? empty : <LongText text={to} />}
      </ins>
    </li>
  );
}

/**
 * The diff of what a save will change (only these keys go in the PATCH), with any conflict
 * that appeared meanwhile; Save stays off until every conflict has the agent's choice.
 */
export function ChangeReview(props: ChangeReviewProps) {
  const t = useT<CallDataMessageId>();
  const id = useId();
  const { plan, theirs, headingRef } = props;
  const keys = Object.keys(plan.write);
  const blocked = plan.conflicts.length > 0;
  return (
    <section className="call-data-review" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="call-data-subtitle">
        {t('callData.reviewTitle')}
      </h4>
      <p>{t('callData.reviewIntro', { count: keys.length })}</p>
      {keys.length > 0 ? (
        <ul className="call-data-changes">
          {keys.map((key) => (
            <Change
              key={key}
              keyName={key}
              from={Object.hasOwn(theirs, key) ? theirs[key] : undefined}
              to={plan.write[key] ?? ''}
            />
          ))}
        </ul>
      ) : null}
      {plan.conflicts.map((conflict: Conflict) => (
        <ConflictCard
          key={conflict.key}
          conflict={conflict}
          onKeepTheirs={() => props.onKeepTheirs(conflict.key)}
          onTakeMine={() => props.onTakeMine(conflict.key)}
        />
      ))}
      {blocked ? (
        <p id={`${id}-blocked`} className="call-data-hint">
          {t('callData.resolveFirst')}
        </p>
      ) : null}
      <div className="call-data-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={blocked || keys.length === 0}
          aria-describedby={blocked ? `${id}-blocked` : undefined}
          onClick={props.onSave}
        >
          {t('callData.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={props.onBack}>
          {t('callData.back')}
        </button>
      </div>
    </section>
  );
}
