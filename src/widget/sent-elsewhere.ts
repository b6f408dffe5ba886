import type { IntentRegistry } from '../calls/intents/intent-registry';
import type { InstanceBus } from '../realtime/instance-bus';
import { readInstanceMessage } from './instance-messages';

/**
 * "By you" across the widget's instances: what this instance sends is told to the others, and
 * what another instance sent explains a matching change here. Only a `sent` notice of the exact
 * shape is noted (the bus given is the roster's: notices from instances that never introduced
 * themselves are already dropped there).
 *
 * @example
 * const stop = shareSentTargets(rosterBus(raw, { instanceId, onDropped }), instanceId, intents);
 */
export function shareSentTargets(
  bus: InstanceBus,
  instanceId: string,
  intents: Pick<IntentRegistry, 'onSent' | 'noteSentElsewhere'>,
): () => void {
  const offSent = intents.onSent((sent) => bus.post({ type: 'sent', from: instanceId, sent }));
  const offBus = bus.subscribe((data) => {
    const message = readInstanceMessage(data);
    if (message?.type !== 'sent' || message.from === instanceId) return;
    const { conversationId, participantId, group, values } = message.sent;
    intents.noteSentElsewhere(conversationId, participantId, group, values);
  });
  return () => {
    offSent();
    offBus();
  };
}
