import { I18nProvider } from '@lingui/react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { checkHostOrigin } from '../config/host-origin';
import { parseLaunchParams } from '../config/launch-params';
import { createI18n } from '../i18n/setup';
import { LaunchProblems } from './launch-problems';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('a refused launch value is listed as the screen shows untrusted text: "\\u202e" visible, never obeyed', async () => {
  const launch = parseLaunchParams({ gcHostOrigin: 'https://\u202eelpmaxe.live' });
  const { problem } = checkHostOrigin(launch.hostOrigin, {
    kind: 'region',
    environment: 'mypurecloud.ie',
  });
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider i18n={createI18n('en')}>
        <LaunchProblems problems={[problem!]} />
      </I18nProvider>,
    ),
  );
  expect(container.querySelector('li')!.textContent).toBe(
    'gcHostOrigin “https://⟨U+202E⟩elpmaxe.live” is not a Genesys Cloud desktop, so the panel will not talk to it.',
  );
  act(() => root.unmount());
});
