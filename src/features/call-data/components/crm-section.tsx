import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useServices, useSession } from '../../../services/widget-services';
import {
  hadAutoLookup,
  markAutoLookup,
  readCrmOnConnect,
  writeCrmOnConnect,
} from '../crm-preference';
import { crmResultLines, type CrmNow, type CrmRun } from '../crm-result';
import type { CallDataMessageId } from '../messages';
import { useCrmLookup, type CrmLookupOptions } from '../use-crm-lookup';

function CrmResult({ run, now }: { run: CrmRun; now: CrmNow }) {
  const t = useT<CallDataMessageId>();
  const { lines, failed } = crmResultLines(run, now);
  if (lines.length === 0) return null;
  return (
    <div className={failed ? 'inline-alert' : 'notice'} data-testid="crm-result">
      {lines.map((line) => (
        <p key={line.id}>{t.message(line)}</p>
      ))}
    </div>
  );
}

/**
 * The CRM round trip: "Look up in CRM" on demand, or once when a call connects (a choice kept
 * for the session); a progress indicator and Cancel while it runs; what was written or why
 * nothing was.
 */
export function CrmSection(
  props: CrmLookupOptions & { connected: boolean; pendingSaves: readonly number[] },
) {
  const t = useT<CallDataMessageId>();
  const services = useServices();
  const id = useId();
  const { run, start, cancel } = useCrmLookup(props);
  const [auto, setAuto] = useState(readCrmOnConnect);
  const running = run.status === 'running';
  const { connected, conversationId, pendingSaves } = props;
  const signedIn = useSession((s) => (s.status === 'signedIn' ? s.expiresAt : undefined));
  const writing = run.status === 'done' && pendingSaves.includes(run.saveId ?? -1);

  // Once per call: a lookup dropped by a remount (or StrictMode's rehearsal) does not count.
  useEffect(() => {
    if (!auto || !connected || hadAutoLookup(services.slots, conversationId)) return;
    void start().then((ran) => {
      if (ran) markAutoLookup(services.slots, conversationId);
    });
  }, [auto, connected, conversationId, services, start]);

  return (
    <div className="call-data-crm" aria-busy={running}>
      <div className="call-data-actions">
        <button type="button" className="button" disabled={running} onClick={() => void start()}>
          <Search size={16} aria-hidden="true" />
          {t('callData.crm.lookUp')}
        </button>
        {running ? (
          <button type="button" className="button button-ghost" onClick={cancel}>
            {t('callData.crm.cancel')}
          </button>
        ) : null}
      </div>
      {running ? (
        <p className="call-data-crm-running">
          <progress className="call-data-progress" aria-label={t('callData.crm.progress')} />
          <span>{t('callData.crm.running')}</span>
        </p>
      ) : null}
      <CrmResult run={run} now={{ writing, expiresAt: signedIn }} />
      <p className="call-data-check-line">
        <input
          id={`${id}-auto`}
          type="checkbox"
          checked={auto}
          onChange={(e) => {
            setAuto(e.target.checked);
            writeCrmOnConnect(e.target.checked);
          }}
        />
        <label htmlFor={`${id}-auto`}>{t('callData.crm.onConnect')}</label>
      </p>
    </div>
  );
}
