/*
 * The widget frames: opened once per interaction, up to `maxWidgets`, with the integration's
 * sandbox and permissions; lifecycle hooks posted to them as the Client App SDK's `lifecycle`
 * module expects: `{protocol, purecloudEventType: 'appLifecycleHook', hook}` from the parent
 * window, to the widget's origin only.
 */
/* global document, setTimeout, clearTimeout, URL */
import { $, element, notice, now, showProblem } from './dom.js';

const PROTOCOL = 'purecloud-client-apps';
const LIFECYCLE_EVENT = 'appLifecycleHook';
const SANDBOX =
  'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-presentation ' +
  'allow-same-origin allow-scripts allow-downloads';
const ALLOW = 'microphone; clipboard-write';

export function createWidgets({ state, record, log, render, renderAll, setAttention }) {
  function sendHook(item, hook) {
    const target = item.widget?.iframe.contentWindow;
    if (!target) return;
    const message = { protocol: PROTOCOL, purecloudEventType: LIFECYCLE_EVENT, hook };
    target.postMessage(message, state.config.widgetOrigin);
    record.lifecycle.push({ conversationId: item.conversationId, hook, at: now() });
    log({ kind: 'hook', conversationId: item.conversationId, hook });
  }

  /** Each load of the frame is a new document: it gets `bootstrap`. */
  function onLoad(item, widget) {
    if (item.widget !== widget || widget.state === 'stopping') return;
    widget.loads += 1;
    widget.bootstrapped = false;
    sendHook(item, 'bootstrap');
    clearTimeout(widget.bootstrapTimer);
    widget.bootstrapTimer = setTimeout(() => {
      if (item.widget !== widget || widget.bootstrapped) return;
      widget.state = 'shown';
      log({ kind: 'widget', conversationId: item.conversationId, event: 'bootstrapTimeout' });
      render(item);
    }, state.config.bootstrapTimeoutMs);
  }

  function frameFor(item) {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('allow', ALLOW);
    iframe.title = `Interaction widget for ${item.caller}`;
    iframe.dataset.conversationId = item.conversationId;
    iframe.src = item.src;
    return iframe;
  }

  function open(item) {
    if (item.widget) return;
    const { maxWidgets, widgetOrigin } = state.config;
    const openCount = [...state.interactions.values()].filter((i) => i.widget).length;
    if (openCount >= maxWidgets) {
      notice(
        `${maxWidgets} interaction widgets are open: close one to open the widget for ${item.caller}.`,
      );
      const detail = `${openCount} widgets open`;
      log({ kind: 'widget', conversationId: item.conversationId, event: 'refused', detail });
      return;
    }
    if (new URL(item.src).origin !== widgetOrigin) {
      showProblem(`Widget URL ${item.src} is not on ${widgetOrigin}.`);
      return;
    }
    const section = element('section', 'widget');
    section.dataset.conversationId = item.conversationId;
    const heading = element('h3', '', item.caller);
    heading.id = `widget-${item.conversationId}`;
    section.setAttribute('aria-labelledby', heading.id);
    const iframe = frameFor(item);
    const widget = { iframe, section, state: 'loading', loads: 0, bootstrapped: false };
    iframe.addEventListener('load', () => onLoad(item, widget));
    section.append(heading, iframe);
    $('widgets').append(section);
    item.widget = widget;
    if (state.focusedId === null) state.focusedId = item.conversationId; // first show: no hook
    const detail = item.src.slice(0, 500);
    log({ kind: 'widget', conversationId: item.conversationId, event: 'opened', detail });
    renderAll();
  }

  function focus(item) {
    if (!item.widget || item.widget.state === 'stopping') return;
    if (state.focusedId === item.conversationId) return;
    const previous = state.focusedId === null ? undefined : state.interactions.get(state.focusedId);
    if (previous?.widget && previous.widget.state !== 'stopping') sendHook(previous, 'blur');
    state.focusedId = item.conversationId;
    sendHook(item, 'focus');
    renderAll();
  }

  function remove(item, reason) {
    const widget = item.widget;
    if (!widget) return;
    clearTimeout(widget.stopTimer);
    clearTimeout(widget.bootstrapTimer);
    widget.section.remove();
    item.widget = null;
    const { conversationId } = item;
    if (reason === 'stopTimeout') log({ kind: 'widget', conversationId, event: 'stopTimeout' });
    log({ kind: 'widget', conversationId, event: 'closed', detail: reason });
    setAttention(item, 0);
    delete record.attention[conversationId];
    if (state.focusedId === conversationId) state.focusedId = null;
    renderAll();
  }

  /** `stop`, then removal when the widget answers `stopped` or after `stopTimeoutMs`. */
  function close(item) {
    const widget = item.widget;
    if (!widget || widget.state === 'stopping') return;
    widget.state = 'stopping';
    sendHook(item, 'stop');
    widget.stopTimer = setTimeout(() => remove(item, 'stopTimeout'), state.config.stopTimeoutMs);
    render(item);
  }

  return { open, focus, close, remove };
}
