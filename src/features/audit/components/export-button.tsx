import { Download } from 'lucide-react';
import { useState } from 'react';
import { useServices } from '../../../services/widget-services';
import type { Message } from '../../../i18n/message';
import { csvFileName, toCsv } from '../audit-csv';
import { csvCells, CSV_COLUMNS, type AuditRow } from '../audit-rows';
import { useAuditT } from '../text';

/**
 * Downloads the rows as CSV (UTF-8 with a byte order mark, so spreadsheets read accents). The
 * CSV library is loaded on the first click.
 */
export function ExportButton({ rows }: { rows: readonly AuditRow[] }) {
  const t = useAuditT();
  const { ui } = useServices();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const csv = await toCsv(
        CSV_COLUMNS.map((c) => t(c)),
        rows.map(csvCells),
      );
      const url = URL.createObjectURL(
        new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(Date.now());
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      // The live region renders ids of every loaded catalogue; its type knows only the core's.
      ui.getState().announce({
        id: 'audit.exported',
        values: { count: rows.length },
      } as unknown as Message);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="audit-export">
      <button type="button" className="button" disabled={busy} onClick={() => void download()}>
        <Download size={16} aria-hidden />
        <span>{t(busy ? 'audit.exporting' : 'audit.export')}</span>
      </button>
      {failed ? (
        <p className="inline-alert" role="alert">
          {t('audit.exportFailed')}
        </p>
      ) : null}
    </div>
  );
}
