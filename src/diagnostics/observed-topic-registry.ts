import {
  TopicRegistry,
  type TopicEvent,
  type TopicRegistryOptions,
} from '../realtime/topic-registry';

/**
 * The widget's topic registry, telling an observer of every event it dispatches (whether a
 * feature took it or not): every notification frame the widget's features are given passes
 * here, from its own channel or from the leader instance's. Behaves exactly as `TopicRegistry`.
 *
 * @example
 * const registry = new ObservedTopicRegistry({ scheduler }, (event, delivered) => log(event));
 */
export class ObservedTopicRegistry extends TopicRegistry {
  constructor(
    options: TopicRegistryOptions,
    private readonly observe: (event: TopicEvent, delivered: boolean) => void,
  ) {
    super(options);
  }

  override dispatch(event: TopicEvent): boolean {
    const delivered = super.dispatch(event);
    this.observe(event, delivered);
    return delivered;
  }
}
