import { useId } from 'react';
import { displayString } from '../../../components/ui/display-text';
import { SLOT, UntrustedText, withSlot } from '../../../components/ui/untrusted-text';
import { useT } from '../../../i18n/use-t';
import type { CallDataMessageId } from '../messages';
import type { Conflict } from '../three-way-merge';
import { LongText } from './long-text';

/**
 * A key that changed underneath the agent's edit: original, mine and theirs side by side, and
 * the agent's choice. Nothing is written for this key until they choose.
 */
export function ConflictCard({
  conflict,
  onKeepTheirs,
  onTakeMine,
}: {
  conflict: Conflict;
  onKeepTheirs(): void;
  onTakeMine(): void;
}) {
  const t = useT<CallDataMessageId>();
  const id = useId();
  const label = displayString(conflict.key, { max: 80 });
  const shown = (value: string | undefined) =>
    value === undefined ? (
      <span className="muted">{t('callData.conflict.none')}</span>
    ) : value === '' ? (
      <span className="muted">{t('callData.emptyValue')}</span>
    ) : (
      <LongText text={value} />
    );
  return (
    <div
      className="call-data-conflict"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      data-conflict={conflict.key}
    >
      <p id={`${id}-title`} className="call-data-conflict-title">
        {withSlot(
          t('callData.conflict.title', { key: SLOT }),
          <UntrustedText text={conflict.key} max={80} />,
        )}
      </p>
      <p id={`${id}-intro`} className="call-data-hint">
        {t('callData.conflict.intro')}
      </p>
      <dl className="call-data-conflict-values">
        <dt>{t('callData.conflict.original')}</dt>
        <dd>{shown(conflict.base)}</dd>
        <dt>{t('callData.conflict.mine')}</dt>
        <dd>{shown(conflict.mine)}</dd>
        <dt>{t('callData.conflict.theirs')}</dt>
        <dd>{shown(conflict.theirs)}</dd>
      </dl>
      <div className="call-data-actions">
        <button
          type="button"
          className="button"
          aria-label={t('callData.conflict.keepTheirsLabel', { key: label })}
          onClick={onKeepTheirs}
        >
          {t('callData.conflict.keepTheirs')}
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('callData.conflict.takeMineLabel', { key: label })}
          onClick={onTakeMine}
        >
          {t('callData.conflict.takeMine')}
        </button>
      </div>
    </div>
  );
}
