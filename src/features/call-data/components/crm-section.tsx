import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useServices } from '../../../services/widget-services';
import {
  hadAutoLookup,
  markAutoLookup,
  readCrmOnConnect,
  writeCrmOnConnect,
} from '../crm-preference';
import { keyList, type CallDataMessageId } from '../messages';
import {
  crmAnnouncement,
  useCrmLookup,
  type CrmLookupOptions,
  type CrmRun,
} from '../use-crm-lookup';

function CrmResult({ run }: { run: CrmRun }) {
  const t = useT<CallDataMessageId>();
  if (run.status === 'idle' || run.status === 'running') return null;
  const said = crmAnnouncement(run);
  const failed = run.status === 'failed' || run.plan.refused !== undefined;
  const plan = run.status === 'done' && !run.plan.refused ? run.plan : undefined;
  return (
    <div className={failed ? 'inline-alert' : 'notice'} data-testid="crm-result">
      {said ? <p>{t.message(said)}</p> : null}
      {plan && plan.skippedBusy.length > 0 ? (
        <p>
          {t('callData.crm.skippedBusy', {
            count: plan.skippedBusy.length,
            keys: keyList(plan.skippedBusy.map((s) => s.key)),
          })}
        </p>
      ) : null}
      {plan && plan.skippedChanged.length > 0 ? (
        <p>
          {t('callData.crm.skippedChanged', {
            count: plan.skippedChanged.length,
            keys: keyList(plan.skippedChanged.map((s) => s.key)),
          })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The CRM round trip: "Look up in CRM" on demand, or once when a call connects (a choice kept
 * for the session); a progress indicator and Cancel while it runs; what was written or why
 * nothing was.
 */
export function CrmSection(props: CrmLookupOptions & { connected: boolean }) {
  const t = useT<CallDataMessageId>();
  const services = useServices();
  const id = useId();
  const { run, start, cancel } = useCrmLookup(props);
  const [auto, setAuto] = useState(readCrmOnConnect);
  const running = run.status === 'running';
  const { connected, conversationId } = props;

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
      <CrmResult run={run} />
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
