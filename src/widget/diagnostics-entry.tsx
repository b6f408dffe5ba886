import { LifeBuoy } from 'lucide-react';
import { useRef, useState, type ComponentType } from 'react';
import { useT } from '../i18n/use-t';
import type { DiagnosticsMenuProps } from './diagnostics-menu';

type Menu = ComponentType<DiagnosticsMenuProps>;

/**
 * "Diagnostics" in the header: a small button; its panel (Download diagnostics) is a chunk of its
 * own, fetched on the first click (a failed fetch says so and is tried again on the next one).
 */
export function DiagnosticsEntry({ view }: { view: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [menu, setMenu] = useState<{ Menu?: Menu; failed?: boolean }>({});
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !menu.Menu)
      import('./diagnostics-menu').then(
        ({ DiagnosticsMenu }) => setMenu({ Menu: DiagnosticsMenu }),
        () => setMenu({ failed: true }),
      );
  };
  const { Menu } = menu;
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      <button
        ref={button}
        type="button"
        className="button button-ghost"
        aria-label={t('app.diagnostics')}
        title={t('app.diagnostics')}
        aria-expanded={open}
        onClick={toggle}
      >
        <LifeBuoy size={16} aria-hidden="true" />
      </button>
      {open && Menu ? <Menu view={view} onClose={close} /> : null}
      {open && !Menu && menu.failed ? (
        <span role="alert" className="diagnostics-failed">
          {t('diagnostics.failed')}
        </span>
      ) : null}
    </span>
  );
}
