/**
 * What the browser lets the panel do with the microphone, asked without prompting the agent.
 *
 * In an interaction widget the panel is a cross-origin iframe: it may use the microphone only
 * when the embedding page delegates it (`allow="microphone"`, the integration's iframe
 * permissions), and Chromium then keys the agent's permission to the top-level page.
 */
export type MicProblem =
  /** The agent (or an admin policy) refused the microphone. */
  | 'denied'
  /** The embedding page's permissions policy does not delegate `microphone` to this frame. */
  | 'blocked'
  /** No microphone is connected. */
  | 'noDevice'
  /** The device exists but could not be opened (in use, hardware error). */
  | 'busy'
  /** No getUserMedia or Web Audio here (an insecure context, an old browser). */
  | 'unsupported';

export type MicStatus =
  | 'off'
  | 'requesting'
  | 'on'
  /** Running, but the browser holds audio until the agent interacts with the panel. */
  | 'suspended'
  /** The microphone went away while the meter ran (unplugged, or revoked). */
  | 'lost'
  | MicProblem;

interface PolicyLike {
  allowsFeature(feature: string): boolean;
}

/**
 * Whether the permissions policy lets this document use the microphone: `false` when the
 * embedding page did not delegate it, `undefined` where the browser cannot tell (only Chromium
 * exposes `document.permissionsPolicy` / `document.featurePolicy`).
 */
export function policyAllowsMicrophone(doc: Document): boolean | undefined {
  const withPolicy = doc as Document & {
    permissionsPolicy?: PolicyLike;
    featurePolicy?: PolicyLike;
  };
  const policy = withPolicy.permissionsPolicy ?? withPolicy.featurePolicy;
  if (typeof policy?.allowsFeature !== 'function') return undefined;
  try {
    return policy.allowsFeature('microphone');
  } catch {
    return undefined;
  }
}

/** The microphone permission, or undefined where it cannot be queried (never prompts). */
export async function queryMicPermission(
  permissions: Pick<Permissions, 'query'> | undefined,
): Promise<PermissionStatus | undefined> {
  if (!permissions) return undefined;
  try {
    return await permissions.query({ name: 'microphone' as PermissionName });
  } catch {
    return undefined;
  }
}

/** Why getUserMedia failed, as a status the panel can explain. */
export function problemOfCaptureError(error: unknown): MicProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'noDevice';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'busy';
  }
}
