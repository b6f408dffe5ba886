import { carriedParams } from './config/launch-params';
import { EnvError, parseEnv } from './config/env';
import { mountWidget } from './widget/mount';

// Read the launch parameters before anything else: the SDK's sign-in wipes the query string.
const carry = carriedParams(window.location.search);
const host = document.getElementById('root');

if (host) {
  try {
    mountWidget(host, { env: parseEnv(import.meta.env), carry });
  } catch (error) {
    const message = error instanceof EnvError ? error.message : 'Live Call Panel failed to start.';
    const box = document.createElement('pre');
    box.setAttribute('role', 'alert');
    box.textContent = message;
    host.replaceChildren(box);
  }
}
