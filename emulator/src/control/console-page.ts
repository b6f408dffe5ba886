/**
 * The emulator console: buttons for the control-plane actions, for people trying the widget by
 * hand. Plain HTML and a little script; every value is rendered with textContent. The page itself
 * needs no header; its requests send `X-Emulator-Control: 1` as every control request must.
 */
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../../control-header.js';

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Emulator console — Genesys Cloud emulator</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1f; }
  fieldset { border: 1px solid #c9cad1; border-radius: 6px; margin: 0 0 1rem; }
  label { margin-right: .75rem; }
  button { font: inherit; padding: .35rem .8rem; margin: .15rem; border-radius: 4px; border: 1px solid #55565d; background: #fff; cursor: pointer; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; border-bottom: 1px solid #e2e3e8; padding: .3rem; vertical-align: top; }
  #log { font: 13px ui-monospace, monospace; white-space: pre-wrap; background: #f4f4f6; padding: .5rem; min-height: 2rem; }
</style>
</head>
<body>
<main>
<h1>Emulator console</h1>
<p>Drive the local Genesys Cloud emulator: calls, changes made elsewhere, and faults.</p>
<fieldset>
  <legend>New inbound call</legend>
  <label>Agent <select id="agent"></select></label>
  <label>Queue <select id="queue"></select></label>
  <label>Caller number <input id="ani" value="tel:+15555550123" size="18"></label>
  <label>Caller name <input id="customerName" value="Dana Customer" size="16"></label>
  <label><input type="checkbox" id="autoAnswer" checked> Auto-answer</label>
  <button type="button" id="newCall">Start inbound call</button>
</fieldset>
<fieldset>
  <legend>Faults</legend>
  <button type="button" data-fault='{"dropSockets":true}'>Drop sockets</button>
  <button type="button" data-fault='{"socketClosing":10000}'>Send socket_closing (close in 10 s)</button>
  <button type="button" data-fault='{"expireTokens":true}'>Expire tokens</button>
  <button type="button" data-fault='{"rateLimitPerMinute":5}'>429 burst (limit 5/min)</button>
  <button type="button" data-fault='{"latencyMs":1500}'>Slow API (1.5 s)</button>
  <button type="button" data-fault='{"rateLimitPerMinute":null,"latencyMs":0}'>Clear faults</button>
  <button type="button" id="reset">Reset everything</button>
</fieldset>
<fieldset>
  <legend>Genesys Cloud desktop (interaction widgets)</legend>
  <form action="/__emulator/desktop" method="get" target="_blank" rel="noopener">
    <label>Widget URL <input name="widget" type="url" value="http://127.0.0.1:5173/" size="28" required></label>
    <label>User <input name="user" type="email" value="alice@example.com" size="20" required></label>
    <button type="submit">Open the desktop</button>
  </form>
</fieldset>
<fieldset>
  <legend>Play Prompt flow reports with</legend>
  <button type="button" data-playback="attributes">Attributes and its ivr leg</button>
  <button type="button" data-playback="legOnly">Its ivr leg only</button>
</fieldset>
<section aria-labelledby="calls-title">
  <h2 id="calls-title">Active calls</h2>
  <table><thead><tr><th>Call</th><th>Participant</th><th>State</th><th>Change as…</th></tr></thead><tbody id="calls"></tbody></table>
</section>
<h2>Last result</h2>
<div id="log" role="status" aria-live="polite"></div>
</main>
<script>
const $ = (id) => document.getElementById(id);
const log = (text) => { $('log').textContent = text; };
async function call(method, path, body) {
  const headers = { '${EMULATOR_CONTROL_HEADER}': '${EMULATOR_CONTROL_VALUE}' };
  if (body) headers['content-type'] = 'application/json';
  const response = await fetch('/__emulator' + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  log(method + ' ' + path + ' → ' + response.status + '\\n' + text);
  await refresh();
}
function option(select, value, label) { const o = document.createElement('option'); o.value = value; o.textContent = label; select.append(o); }
function button(label, onClick) { const b = document.createElement('button'); b.type = 'button'; b.textContent = label; b.addEventListener('click', onClick); return b; }
let supervisors = [];
async function refresh() {
  const state = await (await fetch('/__emulator/state', { headers: { '${EMULATOR_CONTROL_HEADER}': '${EMULATOR_CONTROL_VALUE}' } })).json();
  if (!$('agent').options.length) {
    state.users.forEach((u) => option($('agent'), u.email, u.name));
    state.queues.forEach((q) => option($('queue'), q.name, q.name));
    supervisors = state.users.filter((u) => u.permissions.includes('conversation:call:barge'));
  }
  const rows = [];
  for (const c of state.conversations.filter((c) => !c.ended)) {
    c.participants.filter((p) => p.purpose !== 'acd' && p.state !== 'terminated').forEach((p, i) => {
      const tr = document.createElement('tr');
      const cell = (content) => { const td = document.createElement('td'); if (typeof content === 'string') td.textContent = content; else td.append(...content); tr.append(td); };
      cell(i === 0 ? [document.createTextNode(c.id.slice(0, 8) + ' '), button('Hang up', () => call('POST', '/calls/' + c.id + '/hangup', { by: 'customer' }))] : '');
      // Agent and user legs carry only a user id, as on the platform: the name comes from state.users.
      cell(p.purpose + ': ' + (p.name || (state.users.find((u) => u.id === (p.user && p.user.id)) || {}).name || ''));
      cell(p.state + (p.muted ? ', muted' : '') + (p.held ? ', held' : ''));
      const actors = [['Genesys UI', 'genesys-ui'], ...supervisors.map((s) => ['supervisor ' + s.name, s.email])];
      cell(p.purpose === 'agent' ? actors.flatMap(([label, actor]) => [
        button((p.muted ? 'Unmute' : 'Mute') + ' as ' + label, () => call('POST', '/calls/' + c.id + '/participants/' + p.id, { muted: !p.muted, actor })),
        button((p.held ? 'Resume' : 'Hold') + ' as ' + label, () => call('POST', '/calls/' + c.id + '/participants/' + p.id, { held: !p.held, actor })),
      ]) : p.purpose === 'customer' && p.state === 'connected' ? ['1', '2', '3', '9', '#'].map((d) =>
        button('Caller presses ' + d, () => call('POST', '/calls/' + c.id + '/dtmf', { digits: d }))) : '');
      rows.push(tr);
    });
  }
  $('calls').replaceChildren(...rows);
}
$('newCall').addEventListener('click', () => call('POST', '/calls', {
  agentEmail: $('agent').value, queue: $('queue').value, ani: $('ani').value, customerName: $('customerName').value, autoAnswer: $('autoAnswer').checked,
}));
$('reset').addEventListener('click', () => call('POST', '/reset'));
document.querySelectorAll('[data-playback]').forEach((b) => b.addEventListener('click', () => call('POST', '/playback', { mode: b.dataset.playback })));
document.querySelectorAll('[data-fault]').forEach((b) => b.addEventListener('click', () => call('POST', '/faults', JSON.parse(b.dataset.fault))));
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>`;
