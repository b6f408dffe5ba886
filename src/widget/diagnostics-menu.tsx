import { useEffect, useId, useRef, useState } from 'react';
import { buildTrace } from '../diagnostics/build-trace';
import { diagnosticsRecorder } from '../diagnostics/attach-diagnostics';
import { downloadTrace } from '../diagnostics/download-trace';
import { useT } from '../i18n/use-t';
import { useServices, useSession } from '../services/widget-services';
import './diagnostics-menu.css';

export interface DiagnosticsMenuProps {
  /** The view on screen (`agent`, `supervisor`), written into the trace. */
  view: string;
  onClose(): void;
}

/**
 * The diagnostics panel: what a trace holds, an explicit choice to include call data keys, and
 * Download diagnostics (a masked JSON file of the last 10 minutes, see docs/diagnostics.md).
 */
export function DiagnosticsMenu({ view, onClose }: DiagnosticsMenuProps) {
  const t = useT();
  const services = useServices();
  const userId = useSession((s) => s.user?.id);
  const [includeCallData, setIncludeCallData] = useState(false);
  const [saved, setSaved] = useState<string>();
  const title = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);

  const download = () => {
    const recorder = diagnosticsRecorder(services);
    if (!recorder) return;
    const { target } = services.platform;
    const trace = buildTrace(recorder, {
      includeCallData,
      userId,
      widget: {
        target: target.kind,
        environment: target.kind === 'region' ? target.environment : undefined,
        view,
        locale: services.i18n.locale,
      },
    });
    setSaved(downloadTrace(trace, (ms, run) => services.scheduler.after(ms, run)));
  };

  return (
    <section
      ref={panel}
      className="diagnostics-menu"
      aria-labelledby={title}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h2 id={title} className="diagnostics-title">
        {t('app.diagnostics')}
      </h2>
      <p className="muted">{t('diagnostics.explain')}</p>
      <label className="diagnostics-choice">
        <input
          type="checkbox"
          checked={includeCallData}
          onChange={(event) => setIncludeCallData(event.target.checked)}
        />
        {t('diagnostics.includeCallData')}
      </label>
      <button type="button" className="button button-primary" onClick={download}>
        {t('diagnostics.download')}
      </button>
      {saved ? <p role="status">{t('diagnostics.saved', { file: saved })}</p> : null}
    </section>
  );
}
