/*
 * Toasts from the widgets' `showToast` messages (Client App SDK `alerting.showToastPopup`):
 * flat payload `{title, message, type?, id?, markdownMessage?, timeout?, showCloseButton?}`.
 * Shown as plain text; `timeout` seconds (default 7), 0 = until closed.
 */
/* global setTimeout, clearTimeout */
import { $, element, now } from './dom.js';

const TOAST_TYPES = ['info', 'success', 'error'];
const DEFAULT_TOAST_TIMEOUT_S = 7;

/** What the SDK's types forbid or a real desktop could not show, for tests to assert on. */
function toastProblems(data, toast) {
  const problems = [];
  if (typeof data.title !== 'string' || data.title === '') problems.push('no title');
  if (typeof data.message !== 'string') problems.push('no message');
  if (data.type !== undefined && !TOAST_TYPES.includes(data.type))
    problems.push(`unknown type ${String(data.type)}`);
  if (toast.type === 'error' && toast.timeout !== 0)
    problems.push('an error toast must be sticky (timeout 0)');
  if (toast.type === 'error' && !toast.showCloseButton)
    problems.push('an error toast needs showCloseButton');
  if (toast.sticky && !toast.showCloseButton) problems.push('a sticky toast needs a close button');
  return problems;
}

function toToast(key, item, data) {
  const type = TOAST_TYPES.includes(data.type) ? data.type : 'info';
  const timeout =
    typeof data.timeout === 'number' && data.timeout >= 0 ? data.timeout : DEFAULT_TOAST_TIMEOUT_S;
  const toast = {
    key,
    conversationId: item.conversationId,
    caller: item.caller,
    id: typeof data.id === 'string' && data.id !== '' ? data.id : null,
    title: typeof data.title === 'string' ? data.title : '',
    message: typeof data.message === 'string' ? data.message : '',
    type,
    timeout,
    sticky: timeout === 0,
    showCloseButton: data.showCloseButton !== false,
    markdownMessage: data.markdownMessage !== false,
    shownAt: now(),
    closedAt: null,
    closedBy: null,
    problems: [],
  };
  toast.problems = toastProblems(data, toast);
  return toast;
}

export function createToasts({ record, log }) {
  let lastKey = 0;
  const nodes = new Map();

  function close(toast, by) {
    if (toast.closedAt !== null) return;
    toast.closedAt = now();
    toast.closedBy = by;
    const held = nodes.get(toast.key);
    clearTimeout(held?.timer);
    held?.node.remove();
    nodes.delete(toast.key);
    const detail = `${by}: ${toast.title}`.slice(0, 500);
    log({ kind: 'widget', conversationId: toast.conversationId, event: 'toastClosed', detail });
  }

  function render(toast) {
    const node = element('div', `toast toast-${toast.type}`);
    node.dataset.conversationId = toast.conversationId;
    const origin = `${toast.type} · from the widget for ${toast.caller}`;
    node.append(
      element('strong', '', toast.title),
      element('p', '', toast.message),
      element('p', 'muted', `${origin}${toast.sticky ? ' · stays until closed' : ''}`),
    );
    if (toast.showCloseButton || toast.sticky) {
      const closeButton = element('button', '', 'Close');
      closeButton.type = 'button';
      closeButton.setAttribute('aria-label', `Close notification: ${toast.title || toast.message}`);
      closeButton.addEventListener('click', () => close(toast, 'user'));
      node.append(closeButton);
    }
    $('toasts').prepend(node);
    const timer = toast.sticky
      ? undefined
      : setTimeout(() => close(toast, 'timeout'), toast.timeout * 1000);
    nodes.set(toast.key, { node, timer });
  }

  /** A toast with the same `id` from the same widget replaces the one shown. */
  function show(item, data) {
    lastKey += 1;
    const toast = toToast(lastKey, item, data);
    if (toast.id !== null) {
      for (const other of record.toasts)
        if (
          other.closedAt === null &&
          other.id === toast.id &&
          other.conversationId === toast.conversationId
        )
          close(other, 'replaced');
    }
    record.toasts.push(toast);
    render(toast);
  }

  return { show };
}
