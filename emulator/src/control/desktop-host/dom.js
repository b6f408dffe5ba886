/* The desktop host page: small DOM helpers. Every value is set with textContent. */
/* global document */

export const $ = (id) => document.getElementById(id);

export const now = () => new Date().toISOString();

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button whose accessible name starts with its visible text and names the call. */
export function button(text, label, onClick) {
  const node = element('button', '', text);
  node.type = 'button';
  node.setAttribute('aria-label', label);
  node.addEventListener('click', onClick);
  return node;
}

export function notice(text) {
  $('notice').textContent = text;
}

export function showProblem(text) {
  $('problem').textContent = text;
  $('problem').hidden = text === '';
}
