import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message } from '../../i18n/message';
import { useServices } from '../../services/widget-services';
import { CrmError, lookupCrm } from './api/crm-client';
import { failureMessage, type CrmRun } from './crm-result';
import { planCrmWrite } from './crm-plan';
import { keyList, toShared, type CallDataMessageId } from './messages';
import { message } from '../../i18n/message';
import { isReservedKey } from './validation';
import { useCallReader } from '../../calls/use-call-reader';

export type { CrmRun };

export interface CrmLookupOptions {
  /** The configured CRM endpoint (VITE_CRM_URL); the agent's token goes to its origin only. */
  url: string;
  conversationId: string;
  participantId: string;
  /** Keys the agent is changing in the editor right now. */
  editingKeys(): ReadonlySet<string>;
  /** Writes the CRM's keys (one save, one PATCH); the save's id. */
  write(values: Record<string, string>): number;
}

/** What the agent hears (and reads) when a lookup ends. */
export function crmAnnouncement(run: CrmRun): Message<CallDataMessageId> | undefined {
  if (run.status === 'failed') return failureMessage(run.failure);
  if (run.status !== 'done') return undefined;
  const { plan } = run;
  if (plan.refused?.kind === 'invalid')
    return message('callData.crm.refusedKeys', {
      keys: keyList(plan.refused.keys.map((k) => k.key)),
    });
  if (plan.refused) return message('callData.crm.refusedTotal');
  const keys = Object.keys(plan.write);
  return keys.length > 0
    ? message('callData.crm.writing', { count: keys.length, keys: keyList(keys) })
    : message('callData.crm.nothingNew');
}

/**
 * The CRM round trip: reads the customer's attributes, asks the CRM (10 s at most, cancellable),
 * and writes its answer back by the same rules as the agent's edits (planCrmWrite): nothing the
 * agent is changing, nothing changed meanwhile, nothing at all when part of the answer can't be
 * sent. One lookup at a time.
 */
export function useCrmLookup(options: CrmLookupOptions) {
  const { ui, platform, session } = useServices();
  const reader = useCallReader();
  const [run, setRun] = useState<CrmRun>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const attributesNow = useCallback(() => {
    const { conversationId, participantId } = latest.current;
    return (
      reader.call(conversationId)?.participants.find((p) => p.id === participantId)?.attributes ??
      {}
    );
  }, [reader]);

  /**
   * Runs one lookup; resolves true when it ran to an end the agent sees (false: another lookup
   * is running, or this one was dropped because the panel went away).
   */
  const start = useCallback(async (): Promise<boolean> => {
    if (controller.current && !controller.current.signal.aborted) return false;
    const { url, conversationId, participantId } = latest.current;
    const abort = new AbortController();
    controller.current = abort;
    setRun({ status: 'running' });
    const signIn = session.getState().expiresAt;
    const before = attributesNow();
    const sent = Object.fromEntries(Object.entries(before).filter(([k]) => !isReservedKey(k)));
    let next: CrmRun;
    try {
      const accessToken = await platform.accessToken();
      const returned = await lookupCrm(
        url,
        { conversationId, participantId, attributes: sent },
        { signal: abort.signal, bearer: { accessToken, origin: new URL(url).origin } },
      );
      const busy = new Set(latest.current.editingKeys());
      for (const key of Object.keys(returned))
        if (reader.attribute(conversationId, participantId, key).pending) busy.add(key);
      const plan = planCrmWrite(returned, before, attributesNow(), busy);
      const writes = !plan.refused && Object.keys(plan.write).length > 0;
      next = writes
        ? { status: 'done', plan, saveId: latest.current.write(plan.write) }
        : { status: 'done', plan };
    } catch (error) {
      next = {
        status: 'failed',
        failure: error instanceof CrmError ? error.failure : { kind: 'network' },
        expiresAt: signIn,
      };
    }
    const superseded = controller.current !== abort;
    if (!superseded) controller.current = null;
    // The panel went away meanwhile (the lookup was aborted), or a new lookup took over after
    // a remount: nothing to show or say.
    if (!mounted.current || superseded) return false;
    setRun(next);
    const said = crmAnnouncement(next);
    if (said) ui.getState().announce(toShared(said));
    return true;
  }, [attributesNow, platform, reader, session, ui]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setRun({ status: 'idle' }), []);
  return { run, start, cancel, reset };
}
