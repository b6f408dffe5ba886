import type { LaunchParams } from '../../../config/launch-params';
import { text, type CheckResult } from '../model';

/** What the page can tell about the frame it runs in, read once when the checks start. */
export interface FrameView {
  framed: boolean;
  /** `location.ancestorOrigins`, parent first, where the browser has them. */
  ancestorOrigins?: readonly string[];
  /** `document.referrer`: the parent's address when the frame was opened. */
  referrer: string;
  /** `location.origin`: `null` in a sandbox without `allow-same-origin`. */
  ownOrigin: string;
  /** Session storage can be written and read back. */
  storageWorks: boolean;
  /** The permissions policy's answer for a feature; undefined where the browser cannot tell. */
  policyAllows(feature: 'microphone' | 'clipboard-write'): boolean | undefined;
}

/** The microphone permission as the browser reports it, without prompting. */
export type MicPermission = 'granted' | 'denied' | 'prompt' | undefined;

export interface EmbeddingInput {
  frame: FrameView;
  launch: Pick<LaunchParams, 'hostOrigin' | 'targetEnv' | 'problems'>;
  /** Whether the desktop's `bootstrap` hook reached this page (undefined: nobody listened). */
  bootstrapSeen?: boolean;
  /** The click that started the checks tried a window: `opened`, or `blocked`. */
  popup?: 'opened' | 'blocked';
  mic: MicPermission;
}

const EMBEDDING = ['embedding'] as const;

const originOf = (address: string) => {
  try {
    const origin = new URL(address).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

/** The parent's origin: the nearest ancestor origin, else the referrer's. */
export const parentOrigin = (frame: FrameView) =>
  frame.ancestorOrigins?.[0] ?? originOf(frame.referrer);

/**
 * The talking-while-muted meter's microphone: the frame must be allowed it (the integration's
 * `microphone` permission) and the browser must not have refused it for the panel's site.
 * Decides for the agent panel and for embedding, as a limit: the panel works without it.
 */
export function meterCheck(input: Pick<EmbeddingInput, 'frame' | 'mic'>): CheckResult {
  const base = {
    id: 'agentPanel.meter',
    features: ['agentPanel', 'embedding'] as const,
    optional: true,
    title: text('setup.meter.title'),
  };
  const policy = input.frame.policyAllows('microphone');
  if (input.frame.framed && policy === false)
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.meter.blocked'),
      fix: text('setup.meter.blockedFix'),
      facts: { allowMicrophone: false },
    };
  if (input.mic === 'denied')
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.meter.denied'),
      fix: text('setup.meter.deniedFix', { origin: input.frame.ownOrigin }),
      facts: { microphone: 'denied' },
    };
  if (input.mic === undefined && policy === undefined)
    return { ...base, status: 'notChecked', detail: text('setup.meter.unknown') };
  return {
    ...base,
    status: 'works',
    detail: text(input.mic === 'prompt' ? 'setup.meter.prompt' : 'setup.meter.works'),
    facts: { microphone: input.mic ?? 'unknown' },
  };
}

/**
 * Embedding in the Genesys Cloud desktop, from inside the frame: that it is framed, by the
 * desktop the launch parameters name, with the sandbox and permissions the panel needs
 * (deploy/interaction-widget.md), and that the desktop spoke the Client App SDK's first word
 * (the `bootstrap` lifecycle hook). Outside a frame there is nothing to check.
 */
export function embeddingChecks(input: EmbeddingInput): CheckResult[] {
  const { frame, launch } = input;
  const parent = parentOrigin(frame);
  const framedBase = {
    id: 'embedding.framed',
    features: EMBEDDING,
    title: text('setup.framed.title'),
  };
  if (!frame.framed)
    return [
      {
        ...framedBase,
        status: 'notChecked',
        detail: text('setup.framed.not'),
        fix: text('setup.framed.notFix'),
        facts: { framed: false },
      },
    ];
  const checks: CheckResult[] = [
    {
      ...framedBase,
      status: 'works',
      detail: text('setup.framed.works', { origin: parent ?? 'null' }),
      facts: { framed: true, parentOrigin: parent ?? 'null' },
    },
  ];

  const launchBase = {
    id: 'embedding.launch',
    features: EMBEDDING,
    title: text('setup.launch.title'),
  };
  const missing = [
    launch.hostOrigin ? undefined : 'gcHostOrigin',
    launch.targetEnv ? undefined : 'gcTargetEnv',
  ].filter((name): name is string => name !== undefined);
  checks.push(
    launch.problems.length > 0 || missing.length > 0
      ? {
          ...launchBase,
          status: 'willNotWork',
          detail: text(missing.length > 0 ? 'setup.launch.missing' : 'setup.launch.refused', {
            names: missing.join(', '),
            count: launch.problems.length,
          }),
          notes: launch.problems,
          fix: text('setup.launch.fix'),
        }
      : { ...launchBase, status: 'works', detail: text('setup.launch.works') },
  );

  const hostBase = {
    id: 'embedding.hostOrigin',
    features: EMBEDDING,
    title: text('setup.host.title'),
  };
  if (launch.hostOrigin && parent)
    checks.push(
      launch.hostOrigin === parent
        ? { ...hostBase, status: 'works', detail: text('setup.host.works', { origin: parent }) }
        : {
            ...hostBase,
            status: 'willNotWork',
            detail: text('setup.host.mismatch', { given: launch.hostOrigin, actual: parent }),
            fix: text('setup.launch.fix'),
          },
    );

  const sandboxBase = {
    id: 'embedding.sandbox',
    features: EMBEDDING,
    title: text('setup.sandbox.title'),
  };
  checks.push(
    frame.ownOrigin !== 'null' && frame.storageWorks
      ? { ...sandboxBase, status: 'works', detail: text('setup.sandbox.works') }
      : {
          ...sandboxBase,
          status: 'willNotWork',
          detail: text('setup.sandbox.opaque'),
          fix: text('setup.sandbox.fix'),
        },
  );

  const popupBase = {
    id: 'embedding.popups',
    features: EMBEDDING,
    title: text('setup.popups.title'),
  };
  checks.push(
    input.popup === 'opened'
      ? { ...popupBase, status: 'works', detail: text('setup.popups.works') }
      : input.popup === 'blocked'
        ? {
            ...popupBase,
            status: 'willNotWork',
            detail: text('setup.popups.blocked'),
            fix: text('setup.popups.fix'),
          }
        : {
            ...popupBase,
            status: 'notChecked',
            optional: true,
            detail: text('setup.popups.notTried'),
          },
  );

  checks.push(meterCheck(input));

  const clipboard = frame.policyAllows('clipboard-write');
  const clipboardBase = {
    id: 'embedding.clipboard',
    features: EMBEDDING,
    optional: true,
    title: text('setup.clipboard.title'),
  };
  checks.push(
    clipboard === undefined
      ? { ...clipboardBase, status: 'notChecked', detail: text('setup.clipboard.unknown') }
      : clipboard
        ? { ...clipboardBase, status: 'works', detail: text('setup.clipboard.works') }
        : {
            ...clipboardBase,
            status: 'willNotWork',
            detail: text('setup.clipboard.blocked'),
            fix: text('setup.clipboard.fix'),
          },
  );

  const handshakeBase = {
    id: 'embedding.handshake',
    features: EMBEDDING,
    optional: true,
    title: text('setup.handshake.title'),
  };
  checks.push(
    !launch.hostOrigin || !launch.targetEnv
      ? { ...handshakeBase, status: 'notChecked', detail: text('setup.handshake.noDesktop') }
      : input.bootstrapSeen
        ? { ...handshakeBase, status: 'works', detail: text('setup.handshake.works') }
        : {
            ...handshakeBase,
            status: 'willNotWork',
            detail: text('setup.handshake.none'),
            fix: text('setup.handshake.fix'),
          },
  );
  return checks;
}
