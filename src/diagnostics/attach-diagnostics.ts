import type { WidgetServices } from '../services/widget-services';
import { slotKey } from '../services/widget-slots';
import type { DiagnosticsRecorder } from './recorder';

interface Attached {
  recorder: DiagnosticsRecorder;
  detach(): void;
}

const DIAGNOSTICS = slotKey<Attached>('diagnostics.recorder', (attached) => attached.detach());

/**
 * Feeds the recorder from the widget's own observers (link state, sign-in state, intents and
 * their outcomes; frames and REST requests come through the registry and the platform's HTTP
 * observer the composition root gave them) and keeps it in the widget's slots. Returns the
 * function that stops it (the widget stopping stops it too).
 */
export function attachDiagnostics(
  services: WidgetServices,
  recorder: DiagnosticsRecorder,
): () => void {
  services.slots.get(DIAGNOSTICS, () => {
    let link = services.connection.getState();
    recorder.record({ kind: 'link', status: link.status, attempt: link.attempt });
    const offLink = services.connection.subscribe((state) => {
      if (state.status === link.status && state.attempt === link.attempt) return;
      link = state;
      recorder.record({ kind: 'link', status: state.status, attempt: state.attempt });
    });
    let session = services.session.getState().status;
    recorder.record({ kind: 'session', status: session });
    const offSession = services.session.subscribe((state) => {
      if (state.status === session) return;
      session = state.status;
      recorder.record({ kind: 'session', status: session });
    });
    const offEvents = services.intents.onEvent((event) =>
      recorder.record({ kind: 'intent', event }),
    );
    const offSent = services.intents.onSent((sent) => recorder.record({ kind: 'sent', sent }));
    return {
      recorder,
      detach: () => {
        offLink();
        offSession();
        offEvents();
        offSent();
      },
    };
  });
  return () => services.slots.delete(DIAGNOSTICS);
}

/** This widget's recorder, once attached. */
export function diagnosticsRecorder(services: WidgetServices): DiagnosticsRecorder | undefined {
  return services.slots.peek(DIAGNOSTICS)?.recorder;
}
