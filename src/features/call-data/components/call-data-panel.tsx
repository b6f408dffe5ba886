import { useId } from 'react';
import { customerOf } from '../../../domain/call-selectors';
import { useCatalog } from '../../../i18n/use-catalog';
import { useT } from '../../../i18n/use-t';
import { useCall } from '../../../calls/use-call';
import { useRememberedOpen } from '../../../components/ui/use-remembered-open';
import { CATALOG, type CallDataMessageId } from '../messages';
import { CallDataBody } from './call-data-body';
import '../call-data.css';

export interface CallDataPanelProps {
  conversationId: string;
  /** The CRM lookup endpoint (VITE_CRM_URL); none: no CRM round trip. */
  crmUrl?: string;
}

/**
 * "Call data": the customer participant's attributes, live from notifications, with typed values,
 * filter and copy; edits and new keys validated before anything is sent, with a diff, pending
 * values and three-way conflicts; and the CRM round trip. A lazy chunk with its own catalogue.
 */
export default function CallDataPanel({ conversationId, crmUrl }: CallDataPanelProps) {
  useCatalog(CATALOG);
  const t = useT<CallDataMessageId>();
  const titleId = useId();
  const call = useCall(conversationId);
  const customer = call ? customerOf(call) : undefined;
  const [open, setOpen] = useRememberedOpen('callData', true);
  // Collapsed, the body stays mounted (hidden): an edit in progress and the CRM lookup go on.
  return (
    <section className="call-data" aria-labelledby={titleId} data-testid="call-data">
      <h3 id={titleId} className="call-data-title">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`${titleId}-body`}
          onClick={() => setOpen(!open)}
        >
          {t('callData.title')}
        </button>
      </h3>
      <div id={`${titleId}-body`} className="call-data-fold" hidden={!open}>
        {customer ? (
          <CallDataBody
            key={customer.id}
            conversationId={conversationId}
            customer={customer}
            crmUrl={crmUrl}
          />
        ) : (
          <p className="muted">{t('callData.noCustomer')}</p>
        )}
      </div>
    </section>
  );
}
