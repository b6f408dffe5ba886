/**
 * The header every control-plane request (`/__emulator/…`) carries: a page on another origin in
 * the developer's browser cannot add it without a CORS preflight, which the emulator answers only
 * for loopback origins. Importing this file pulls in nothing else of the emulator.
 *
 * @example
 * await fetch(`${emulatorUrl}/__emulator/reset`, {
 *   method: 'POST',
 *   headers: { [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE },
 * });
 */
export const EMULATOR_CONTROL_HEADER = 'X-Emulator-Control';
export const EMULATOR_CONTROL_VALUE = '1';
