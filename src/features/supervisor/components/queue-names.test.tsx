import { afterEach, describe, expect, it } from 'vitest';
import type { SupervisionApi } from '../../../platform/supervision';
import type { WidgetServices } from '../../../services/widget-services';
import { renderUi } from '../../../testing/render-ui';
import { EMPTY_FIGURES } from '../figures';
import type { LiveTableModel } from '../live-table-model';
import { CATALOG } from '../text';
import { LiveFigures } from './live-figures';
import { QueuePicker } from './queue-picker';

/** Reads "exe.png" when a right-to-left override is obeyed. */
const SPOOF = '\u202egnp.exe';
const LONG = 'Q'.repeat(5000);
const QUEUES = [
  { id: 'q1', name: SPOOF },
  { id: 'q2', name: LONG },
];

let unmount = () => undefined as void;
afterEach(() => unmount());

/** The queue names as the directory has them (the platform's, untrusted). */
const services = {
  directory: {
    rememberQueues: () => undefined,
    queueQuery: (id: string) => ({
      queryKey: ['test-queue', id],
      queryFn: async () => QUEUES.find((q) => q.id === id) ?? null,
    }),
  },
} as unknown as Partial<WidgetServices>;

function expectUntrusted(el: Element | null | undefined, shown: string) {
  const bdi = el?.querySelector('bdi');
  expect(bdi?.getAttribute('dir')).toBe('auto');
  expect(bdi?.textContent).toBe(shown);
}

describe('queue names in the supervisor view are untrusted text', () => {
  it('the queue picker isolates a right-to-left override and clamps a long name, the whole one in the title', async () => {
    const api = { listQueues: async () => QUEUES } as unknown as SupervisionApi;
    const ui = await renderUi(<QueuePicker api={api} chosen={[]} onChange={() => undefined} />, {
      catalog: CATALOG,
      services,
    });
    unmount = ui.unmount;
    const labels = await ui.until(() => {
      const found = [...ui.container.querySelectorAll('label.supervisor-check')];
      return found.length === QUEUES.length ? found : undefined;
    });
    const spoof = labels.find((l) => l.textContent?.includes('gnp.exe'));
    expectUntrusted(spoof, '⟨U+202E⟩gnp.exe');
    expect(spoof?.getAttribute('title')).toBe('⟨U+202E⟩gnp.exe');
    const long = labels.find((l) => l.textContent?.includes('QQQ'));
    expectUntrusted(long, `${'Q'.repeat(80)}…`);
    expect(long?.getAttribute('title')).toBe(LONG);
    expect(ui.container.textContent).not.toContain('\u202e');
  });

  it('the live figures’ bars do the same with the names of the queues they count', async () => {
    const figures = {
      ...EMPTY_FIGURES,
      perQueue: [
        { queueId: 'q1', count: 2 },
        { queueId: 'q2', count: 1 },
      ],
    };
    const model = {
      subscribeFigures: () => () => undefined,
      getFigures: () => figures,
    } as unknown as LiveTableModel;
    const ui = await renderUi(<LiveFigures model={model} />, { catalog: CATALOG, services });
    unmount = ui.unmount;
    const names = await ui.until(() => {
      const found = ui.container.querySelectorAll('.supervisor-bar-name');
      return [...found].every((n) => n.querySelector('bdi')) ? found : undefined;
    });
    expectUntrusted(names[0], '⟨U+202E⟩gnp.exe');
    expectUntrusted(names[1], `${'Q'.repeat(80)}…`);
    expect(names[1]!.getAttribute('title')).toBe(LONG);
    expect(ui.container.textContent).not.toContain('\u202e');
  });
});
