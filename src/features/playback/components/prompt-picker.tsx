import { useEffect, useId, useState } from 'react';
import { displayString } from '../../../components/ui/display-text';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { explainError } from '../../../errors/explain-error';
import type { Prompt } from '../../../platform/architect';
import { usePrompts } from '../api/use-prompts';
import { playableResource } from '../pre-start-checks';
import { usePlaybackT } from '../text';

/** Prompt names and descriptions are an administrator's text: shown up to this many characters. */
export const PROMPT_TEXT_MAX = 120;

/**
 * The readable name of a prompt (its description, else its identifier) for messages and labels:
 * invisible characters made visible, cut at `PROMPT_TEXT_MAX` (see untrusted-text.tsx).
 */
export const promptLabel = (prompt: Prompt): string =>
  displayString(prompt.description ?? prompt.name, { max: PROMPT_TEXT_MAX });

const SEARCH_DELAY_MS = 300;

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * Search (name or description, on the platform, a page at a time) and choose one prompt. Each
 * choice shows the readable description, the identifier and the length, or that it has no audio.
 */
export function PromptPicker({
  selected,
  onSelect,
  onPrompts,
}: {
  selected: Prompt | undefined;
  onSelect(prompt: Prompt): void;
  /** Every prompt loaded so far (for the key rules). */
  onPrompts(prompts: Prompt[]): void;
}) {
  const t = usePlaybackT();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim());
  const query = usePrompts(search);
  const { prompts } = query;
  const name = useId();
  useEffect(() => onPrompts(prompts), [prompts, onPrompts]);
  return (
    <div className="playback-picker">
      <label className="playback-field">
        <span>{t('playback.search.label')}</span>
        <input
          type="search"
          value={typed}
          placeholder={t('playback.search.hint')}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
      </label>
      {query.error ? (
        <p className="inline-alert" role="alert">
          {t('playback.prompts.failed', { reason: t.message(explainError(query.error).reason) })}
        </p>
      ) : null}
      {query.isPending ? <p className="muted">{t('playback.prompts.loading')}</p> : null}
      {query.isSuccess && prompts.length === 0 ? (
        <p className="muted">{t('playback.prompts.none')}</p>
      ) : null}
      {prompts.length > 0 ? (
        <fieldset className="playback-prompts">
          <legend>{t('playback.prompts.label')}</legend>
          <ul>
            {prompts.map((prompt) => (
              <PromptChoice
                key={prompt.id}
                prompt={prompt}
                name={name}
                checked={selected?.id === prompt.id}
                onSelect={onSelect}
              />
            ))}
          </ul>
        </fieldset>
      ) : null}
      {query.total !== undefined && prompts.length > 0 ? (
        <p className="muted playback-count">
          {t('playback.prompts.count', { shown: prompts.length, total: query.total })}
        </p>
      ) : null}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button-ghost"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('playback.prompts.more')}
        </button>
      ) : null}
    </div>
  );
}

function PromptChoice(props: {
  prompt: Prompt;
  name: string;
  checked: boolean;
  onSelect(prompt: Prompt): void;
}) {
  const t = usePlaybackT();
  const { prompt } = props;
  const audio = playableResource(prompt);
  const label = promptLabel(prompt);
  const meta = audio?.durationSeconds
    ? t.duration(audio.durationSeconds * 1000)
    : t('playback.prompt.noAudio');
  return (
    <li>
      <label
        className="playback-choice"
        title={`${label} (${displayString(prompt.name, { max: PROMPT_TEXT_MAX })})`}
      >
        <input
          type="radio"
          name={props.name}
          value={prompt.id}
          checked={props.checked}
          onChange={() => props.onSelect(prompt)}
        />
        <span className="playback-choice-text">
          <span className="playback-choice-label">
            <UntrustedText text={prompt.description ?? prompt.name} max={PROMPT_TEXT_MAX} />
          </span>
          <span className="playback-choice-meta">
            <UntrustedText text={prompt.name} max={PROMPT_TEXT_MAX} /> · {meta}
          </span>
        </span>
      </label>
    </li>
  );
}
