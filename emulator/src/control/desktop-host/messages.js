/*
 * Client App SDK messages from the widgets: `{action, protocol: 'purecloud-client-apps',
 * protocolAgentName, protocolAgentVersion, ...params}`, accepted only from this page's widget
 * frames (`event.source`) and the widget's origin. Everything else is recorded as rejected.
 */
/* global window, clearTimeout */
import { now } from './dom.js';

const PROTOCOL = 'purecloud-client-apps';
const MESSAGE_DATA_MAX_CHARS = 16_000;

function jsonCopy(data) {
  try {
    return JSON.parse(JSON.stringify(data));
  } catch {
    return undefined;
  }
}

export function listenToWidgets({ state, record, log, render, toasts, widgets, setAttention }) {
  function reject(reason, origin) {
    if (record.rejected.length < 200) record.rejected.push({ reason, origin, at: now() });
    log({ kind: 'rejected', reason, origin: String(origin).slice(0, 200) });
  }

  function lifecycle(item, data) {
    const widget = item.widget;
    record.lifecycle.push({ conversationId: item.conversationId, event: data.action, at: now() });
    if (data.action === 'bootstrapped') {
      widget.bootstrapped = true;
      clearTimeout(widget.bootstrapTimer);
      if (widget.state !== 'stopping') widget.state = 'ready';
    } else if (widget.state === 'stopping') {
      widgets.remove(item, 'stopped');
    }
  }

  function handle(item, data) {
    const { conversationId } = item;
    record.messages.push({ conversationId, action: data.action, data, at: now() });
    const logged =
      JSON.stringify(data).length <= MESSAGE_DATA_MAX_CHARS ? data : { truncated: true };
    log({ kind: 'message', conversationId, action: data.action.slice(0, 100), data: logged });
    if (data.action === 'showToast') toasts.show(item, data);
    else if (data.action === 'setAttentionCount') setAttention(item, data.count);
    else if (data.action === 'bootstrapped' || data.action === 'stopped') lifecycle(item, data);
    render(item);
  }

  window.addEventListener('message', (event) => {
    if (!state.config) return;
    const item = [...state.interactions.values()].find(
      (i) => i.widget && i.widget.iframe.contentWindow === event.source,
    );
    if (!item) return reject('not from a widget frame of this page', event.origin);
    const { widgetOrigin } = state.config;
    if (event.origin !== widgetOrigin) return reject(`origin is not ${widgetOrigin}`, event.origin);
    const data = jsonCopy(event.data);
    if (!data || typeof data !== 'object' || Array.isArray(data))
      return reject('not a JSON object', event.origin);
    if (data.protocol !== PROTOCOL) return reject(`protocol is not ${PROTOCOL}`, event.origin);
    if (typeof data.action !== 'string' || data.action === '')
      return reject('no action', event.origin);
    handle(item, data);
  });
}
