/**
 * Every control-plane request (`/__emulator/…`) must carry `X-Emulator-Control: 1`. A form or a
 * plain link on another site cannot add a header, and a script on another origin needs a CORS
 * preflight for it, which the emulator grants only to loopback origins. Exempt: what a browser
 * loads by address (the console and desktop host pages with their script and style files) and the
 * sample CRM's lookup, which the widget calls with the agent's bearer token instead. Preflights
 * pass (a browser never puts custom headers on them). Emulator-only (FIDELITY.md L4).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../../control-header.js';
import { ApiError } from '../errors.js';
import { DESKTOP_SCRIPT_BASE, DESKTOP_STYLE_PATH } from './desktop-page.js';

const CONTROL_PREFIX = '/__emulator/';

/** Routes (method and registered path) that answer without the header. */
const EXEMPT = new Set([
  'GET /__emulator/console',
  'GET /__emulator/desktop',
  `GET ${DESKTOP_SCRIPT_BASE}:file`,
  `GET ${DESKTOP_STYLE_PATH}`,
  'POST /__emulator/crm/lookup',
]);

/**
 * Whether a request needs the header. Decided on the route that matched (its registered path),
 * never on the raw URL, so no spelling of an address slips past.
 */
function needsControlHeader(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith(CONTROL_PREFIX)) return false;
  if (request.method === 'OPTIONS') return false;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return !EXEMPT.has(`${method} ${route}`);
}

/** Registers the check; call before the control-plane routes. */
export function registerControlGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!needsControlHeader(request)) return;
    if (request.headers[EMULATOR_CONTROL_HEADER.toLowerCase()] === EMULATOR_CONTROL_VALUE) return;
    throw new ApiError(
      403,
      'emulator.control.header.required',
      `Control-plane requests need the header ${EMULATOR_CONTROL_HEADER}: ${EMULATOR_CONTROL_VALUE} ` +
        '(the typed client emulator/control-client.ts sends it); see emulator/README.md.',
    );
  });
}
