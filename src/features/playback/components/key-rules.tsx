import { Plus, X } from 'lucide-react';
import type { Prompt } from '../../../platform/architect';
import { DTMF_KEYS, type DtmfKey } from '../play-request';
import { usePlaybackT } from '../text';
import { promptLabel } from './prompt-picker';

export interface KeyRule {
  key: DtmfKey;
  /** A prompt id, or '' to end the playback. */
  target: string;
}

/**
 * Optional rules for keys the caller presses while the prompt plays: switch to another prompt
 * (only prompts with audio are offered) or end the playback.
 */
export function KeyRules({
  rules,
  prompts,
  onChange,
}: {
  rules: KeyRule[];
  prompts: Prompt[];
  onChange(rules: KeyRule[]): void;
}) {
  const t = usePlaybackT();
  const free = DTMF_KEYS.filter((k) => !rules.some((r) => r.key === k));
  const update = (index: number, change: Partial<KeyRule>) =>
    onChange(rules.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <fieldset className="playback-keys">
      <legend>{t('playback.keys.title')}</legend>
      <p className="muted">{t('playback.keys.hint')}</p>
      {rules.map((rule, index) => (
        <div className="playback-key-row" key={rule.key}>
          <label className="playback-field playback-key">
            <span>{t('playback.keys.key')}</span>
            <select
              value={rule.key}
              onChange={(e) => update(index, { key: e.currentTarget.value as DtmfKey })}
            >
              {[rule.key, ...free].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="playback-field playback-key-target">
            <span>{t('playback.keys.target')}</span>
            <select
              value={rule.target}
              onChange={(e) => update(index, { target: e.currentTarget.value })}
            >
              <option value="">{t('playback.keys.end')}</option>
              {prompts.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('playback.keys.switchTo', { prompt: promptLabel(p) })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-ghost playback-key-remove"
            title={t('playback.keys.remove', { key: rule.key })}
            onClick={() => onChange(rules.filter((_, i) => i !== index))}
          >
            <X size={16} aria-hidden />
            <span className="visually-hidden">{t('playback.keys.remove', { key: rule.key })}</span>
          </button>
        </div>
      ))}
      {free[0] ? (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => onChange([...rules, { key: free[0]!, target: prompts[0]?.id ?? '' }])}
        >
          <Plus size={16} aria-hidden />
          <span>{t('playback.keys.add')}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
