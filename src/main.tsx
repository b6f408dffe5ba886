import { carriedParams } from './config/launch-params';
import { EnvError, parseEnv } from './config/env';
import { completePopupSignIn, launchCarry } from './platform/auth';
import { mountWidget } from './widget/mount';

// Read the launch parameters before anything else: the SDK's sign-in wipes the query string.
const carry = launchCarry(carriedParams(window.location.search));
const host = document.getElementById('root');

function show(text: string, role: 'alert' | 'status') {
  const box = document.createElement('p');
  box.setAttribute('role', role);
  box.textContent = text;
  host?.replaceChildren(box);
}

if (host && completePopupSignIn()) {
  // This page is the re-authentication popup: the opener takes it from here.
  show('Signed in. This window closes by itself.', 'status');
} else if (host) {
  try {
    mountWidget(host, { env: parseEnv(import.meta.env), carry });
  } catch (error) {
    show(error instanceof EnvError ? error.message : 'Live Call Panel failed to start.', 'alert');
  }
}
