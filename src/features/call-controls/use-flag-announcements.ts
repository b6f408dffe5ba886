import { useEffect } from 'react';
import { message } from '../../i18n/message';
import { explainError } from '../../errors/explain-error';
import type { FlagField } from '../../calls/intents/intent-registry';
import { useCallReader } from '../../calls/use-call-reader';
import { useServices } from '../../services/widget-services';
import { actionMessage, caption } from './provenance';

/** Every confirmed change and every failure of this participant's mute or hold, announced once. */
export function useFlagAnnouncements(conversationId: string, participantId: string): void {
  const { ui } = useServices();
  const reader = useCallReader();
  useEffect(
    () =>
      reader.onIntentEvent((event) => {
        if (
          event.conversationId !== conversationId ||
          event.participantId !== participantId ||
          event.group !== 'flags'
        )
          return;
        const field = (event.type === 'change' ? event.field : event.outcome.field) as FlagField;
        if (event.type === 'change') {
          const view = reader.flag(conversationId, participantId, field);
          ui.getState().announce(
            caption(field, { ...view, pending: false, shown: event.value === true }),
          );
          return;
        }
        const action = actionMessage(field, event.outcome.value === true);
        const problem =
          event.outcome.kind === 'failed'
            ? explainError(event.outcome.error, action)
            : { action, reason: message('error.timedOut') };
        ui.getState().announce(problem);
      }),
    [reader, ui, conversationId, participantId],
  );
}
