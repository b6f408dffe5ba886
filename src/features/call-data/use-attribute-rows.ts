import { useMemo } from 'react';
import { useAttributeViews } from '../../calls/use-intents';
import type { AttributeRow } from './components/attribute-table';
import { describeAttribute } from './typed-values';
import { isReservedKey } from './validation';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The rows the panel shows: every key of the snapshot plus keys of the agent's saves still on
 * their way, each with the value to show (the agent's while pending) and its type.
 */
export function useAttributeRows(
  conversationId: string,
  participantId: string,
  attributes: Readonly<Record<string, string>>,
  savingKeys: readonly string[],
) {
  const savingSignature = savingKeys.join('\u0000');
  const keys = useMemo(() => {
    const saving = savingSignature === '' ? [] : savingSignature.split('\u0000');
    return [...new Set([...Object.keys(attributes), ...saving])].sort((a, b) =>
      collator.compare(a, b),
    );
  }, [attributes, savingSignature]);
  const views = useAttributeViews(conversationId, participantId, keys);
  return useMemo(() => {
    const rows: AttributeRow[] = [];
    const pending = new Set<string>();
    for (const key of keys) {
      const view = views.get(key);
      const shown = view?.shown ?? (Object.hasOwn(attributes, key) ? attributes[key] : undefined);
      if (view?.pending) pending.add(key);
      if (shown === undefined) continue;
      rows.push({ entry: describeAttribute(key, shown), pending: view?.pending ?? false });
    }
    const editable = rows.map((r) => r.entry.key).filter((k) => !isReservedKey(k));
    return { rows, pending, editable };
  }, [keys, views, attributes]);
}
