/*
 * The desktop host page (/__emulator/desktop; see desktop-routes.ts): it frames the interaction
 * widget once per active call of the user, speaks the Client App SDK protocol with each frame,
 * and records what it saw in `window.__desktop` and in the emulator's log.
 */
/* global window, document, location, crypto, setTimeout */
import { controlFetch } from './control.js';
import { $, button, element, showProblem } from './dom.js';
import { createLog } from './log.js';
import { listenToWidgets } from './messages.js';
import { createToasts } from './toasts.js';
import { createWidgets } from './widgets.js';

const pageId = [...crypto.getRandomValues(new Uint8Array(8))]
  .map((b) => b.toString(16).padStart(2, '0'))
  .join('');

/** The machine-readable record for tests (Playwright reads it with page.evaluate). */
const record = {
  page: pageId,
  toasts: [],
  attention: {},
  attentionTotal: 0,
  lifecycle: [],
  messages: [],
  rejected: [],
  widgets: [],
  focused: null,
};
window.__desktop = record;

/** `config` is the last answer of /__emulator/desktop/calls (widget origin, limits, timeouts). */
const state = { config: null, interactions: new Map(), focusedId: null };
const log = createLog(pageId);

function setAttention(item, count) {
  if (!Number.isInteger(count) || count < 0) return;
  item.attention = count;
  record.attention[item.conversationId] = count;
  record.attentionTotal = [...state.interactions.values()].reduce(
    (sum, i) => sum + (i.widget ? i.attention : 0),
    0,
  );
  $('attention-total').textContent = `Attention: ${record.attentionTotal}`;
}

const WIDGET_STATES = {
  loading: 'Widget loading',
  ready: 'Widget ready',
  shown: 'Widget shown (no bootstrapped yet)',
  stopping: 'Widget stopping',
};

function summary(item, focused) {
  const open = item.widget !== null;
  return {
    conversationId: item.conversationId,
    caller: item.caller,
    ended: item.ended,
    open,
    state: open ? item.widget.state : 'closed',
    focused,
    attention: open ? item.attention : 0,
  };
}

function render(item) {
  const v = item.view;
  if (!v) return;
  const open = item.widget !== null;
  const focused = state.focusedId === item.conversationId;
  v.state.textContent = item.ended ? 'Call ended' : 'Active call';
  v.widgetState.textContent = open ? WIDGET_STATES[item.widget.state] : 'Widget closed';
  v.badge.textContent = `Attention ${item.attention}`;
  v.badge.hidden = !open || item.attention === 0;
  v.focus.hidden = !open || focused;
  v.close.hidden = !open || item.widget.state === 'stopping';
  v.open.hidden = open;
  if (focused) v.li.setAttribute('aria-current', 'true');
  else v.li.removeAttribute('aria-current');
  item.widget?.section.classList.toggle('focused', focused);
  const index = record.widgets.findIndex((w) => w.conversationId === item.conversationId);
  if (index === -1) record.widgets.push(summary(item, focused));
  else record.widgets[index] = summary(item, focused);
  record.focused = state.focusedId;
}

function renderAll() {
  for (const item of state.interactions.values()) render(item);
}

const toasts = createToasts({ record, log });
const widgets = createWidgets({ state, record, log, render, renderAll, setAttention });
listenToWidgets({ state, record, log, render, toasts, widgets, setAttention });

/** A row of the interaction list; its nodes are kept and updated (keyboard focus stays put). */
function addInteraction(call) {
  const item = { ...call, ended: false, widget: null, attention: 0 };
  const li = element('li');
  li.dataset.conversationId = call.conversationId;
  item.view = {
    li,
    state: element('span', '', ''),
    widgetState: element('span', '', ''),
    badge: element('span', 'badge', ''),
    focus: button('Focus', `Focus ${call.caller}`, () => widgets.focus(item)),
    close: button('Close widget', `Close widget: ${call.caller}`, () => widgets.close(item)),
    open: button('Open widget', `Open widget: ${call.caller}`, () => widgets.open(item)),
  };
  const v = item.view;
  li.append(element('strong', '', call.caller), v.state, v.widgetState, v.badge);
  li.append(v.focus, v.close, v.open);
  $('interactions').append(li);
  state.interactions.set(call.conversationId, item);
  widgets.open(item);
  render(item);
}

function follow(body) {
  if (!state.config) {
    $('who').textContent = `Signed in as ${body.user.name} (${body.user.email})`;
    document.title = `Desktop of ${body.user.name} — Genesys Cloud emulator`;
  }
  state.config = body;
  const active = new Set(body.calls.map((c) => c.conversationId));
  for (const call of body.calls)
    if (!state.interactions.has(call.conversationId)) addInteraction(call);
  for (const item of state.interactions.values()) {
    if (item.ended || active.has(item.conversationId)) continue;
    item.ended = true;
    log({ kind: 'widget', conversationId: item.conversationId, event: 'callEnded' });
    render(item);
  }
}

/** Reads the user's calls every `pollMs`: new calls get a widget, ended ones keep theirs. */
async function poll() {
  try {
    const response = await controlFetch(`/__emulator/desktop/calls${location.search}`);
    const body = await response.json();
    if (!response.ok) showProblem(`Cannot read the calls: ${body.message ?? response.status}`);
    else {
      showProblem('');
      follow(body);
    }
  } catch (error) {
    showProblem(`Cannot reach the emulator: ${String(error)}`);
  } finally {
    setTimeout(poll, state.config?.pollMs ?? 1000);
  }
}

void poll();
