import type { Prompt, PromptPage } from '../../../platform/architect';
import type { SetupFlow, SetupReads } from '../../../platform/setup-reads';
import type { Scheduler } from '../../../time/scheduler';
import { text, type CheckResult } from '../model';
import { FLOW_VIEW, PROMPT_VIEW } from '../requirements';
import { cspAllows, type Csp } from './csp';
import { errorText } from './error-text';
import { needsPermission } from './permission-checks';

/** The flow's name the playback protocol is built for (deploy/architect/). */
export const PLAY_PROMPT_FLOW_NAME = 'Play Prompt';

const FEATURES = ['playback'] as const;

/** The audio element the check loads (never plays aloud, never attached to the page). */
export interface ProbeAudio {
  preload: string;
  src: string;
  readonly duration: number;
  onloadedmetadata: ((event: Event) => void) | null;
  onerror: ((event: Event | string) => void) | null;
  removeAttribute(name: string): void;
  load(): void;
}

/** The live, published secure call flow among those found, by exact name when looked up by name. */
function judgeFlow(flows: readonly SetupFlow[], name?: string) {
  const wanted = name?.trim().toLowerCase();
  const candidates = flows.filter(
    (f) => !f.deleted && (wanted === undefined || f.name.trim().toLowerCase() === wanted),
  );
  const flow = candidates.find((f) => f.type === 'SECURECALL') ?? candidates[0];
  if (!flow) return { problem: 'notFound' as const };
  if (flow.type !== 'SECURECALL') return { problem: 'notSecure' as const, flow };
  if (!flow.published) return { problem: 'notPublished' as const, flow };
  return { flow };
}

/**
 * The Play Prompt flow: by the configured id (`VITE_GC_PLAY_PROMPT_FLOW_ID`), else by name, as
 * the playback panel finds it; it must be a published secure call flow. Reading flows needs
 * `architect:flow:view`: with a configured id the panel itself does not, so the check is then
 * "not checked" rather than a failure.
 */
export async function flowCheck(
  reads: Pick<SetupReads, 'flows'>,
  options: { flowId?: string; canViewFlows: boolean },
): Promise<CheckResult> {
  const how = options.flowId ? 'id' : 'name';
  const base = {
    id: 'playback.flow',
    features: FEATURES,
    title: text('setup.flow.title'),
    facts: { foundBy: how },
  };
  if (!options.canViewFlows) {
    const notChecked = needsPermission(base, [FLOW_VIEW]);
    return options.flowId ? { ...notChecked, optional: true } : notChecked;
  }
  let flows: SetupFlow[];
  try {
    flows = await reads.flows(
      options.flowId ? { id: options.flowId } : { type: 'securecall', name: PLAY_PROMPT_FLOW_NAME },
    );
  } catch (error) {
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.flow.failed', { error: errorText(error) }),
    };
  }
  const verdict = judgeFlow(flows, options.flowId ? undefined : PLAY_PROMPT_FLOW_NAME);
  const fix = text('setup.flow.fix');
  if (verdict.problem === 'notFound')
    return {
      ...base,
      status: 'willNotWork',
      detail: text(options.flowId ? 'setup.flow.idNotFound' : 'setup.flow.nameNotFound', {
        name: PLAY_PROMPT_FLOW_NAME,
      }),
      fix,
    };
  if (verdict.problem === 'notSecure')
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.flow.notSecure', { type: verdict.flow.type.toLowerCase() }),
      fix,
    };
  if (verdict.problem === 'notPublished')
    return { ...base, status: 'willNotWork', detail: text('setup.flow.notPublished'), fix };
  return { ...base, status: 'works', detail: text('setup.flow.works', { how }) };
}

/** A prompt's audio the flow can play, with a URL the browser may load. */
const playableUri = (prompt: Prompt) =>
  prompt.resources.find((r) => r.transcoded && r.mediaUri)?.mediaUri;

/** The prompt list (first page) and how many carry audio a flow can play. */
export async function promptsCheck(
  reads: Pick<SetupReads, 'prompts'>,
  options: { canViewPrompts: boolean },
): Promise<{ check: CheckResult; page?: PromptPage }> {
  const base = { id: 'playback.prompts', features: FEATURES, title: text('setup.prompts.title') };
  if (!options.canViewPrompts) return { check: needsPermission(base, [PROMPT_VIEW]) };
  try {
    const page = await reads.prompts();
    const playable = page.prompts.filter((p) => playableUri(p) !== undefined).length;
    const facts = { listed: page.total, withAudio: playable };
    if (playable === 0)
      return {
        page,
        check: {
          ...base,
          status: 'willNotWork',
          detail: text('setup.prompts.noAudio', { count: page.total }),
          fix: text('setup.prompts.fix'),
          facts,
        },
      };
    return {
      page,
      check: {
        ...base,
        status: 'works',
        detail: text('setup.prompts.works', { count: page.total, playable }),
        facts,
      },
    };
  } catch (error) {
    return {
      check: {
        ...base,
        status: 'willNotWork',
        detail: text('setup.prompts.failed', { error: errorText(error) }),
      },
    };
  }
}

export interface MediaDeps {
  fetch: typeof fetch;
  newAudio(): ProbeAudio;
  scheduler: Scheduler;
  csp?: Csp;
  pageUrl: string;
  timeoutMs?: number;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

/** Loads the audio's metadata in an audio element that is never played or shown. */
function loadsAudio(uri: string, deps: MediaDeps): Promise<number | undefined> {
  return new Promise((resolve) => {
    const audio = deps.newAudio();
    const done = (duration: number | undefined) => {
      cancel();
      audio.onloadedmetadata = null;
      audio.onerror = null;
      audio.removeAttribute('src');
      audio.load();
      resolve(duration);
    };
    const cancel = deps.scheduler.after(deps.timeoutMs ?? 10_000, () => done(undefined));
    audio.onloadedmetadata = () => done(Number.isFinite(audio.duration) ? audio.duration : 0);
    audio.onerror = () => done(undefined);
    audio.preload = 'metadata';
    audio.src = uri;
  });
}

/**
 * One prompt's audio from this browser: the preview's way (an audio element, which `media-src`
 * governs and which needs no CORS) decides; a script's read of the same URL (CORS, and the
 * page's `connect-src`) is reported beside it, since nothing in the panel depends on it.
 * Only the media host is reported: the URL itself may carry a signature.
 */
export async function mediaCheck(
  page: PromptPage | undefined,
  deps: MediaDeps,
): Promise<CheckResult> {
  const base = {
    id: 'playback.media',
    features: FEATURES,
    optional: true,
    title: text('setup.media.title'),
  };
  const uri = page?.prompts.map(playableUri).find((u) => u !== undefined);
  if (!uri) return { ...base, status: 'notChecked', detail: text('setup.media.noPrompt') };
  const host = originOf(uri);
  const scriptAllowed = !deps.csp || cspAllows(deps.csp, 'connect-src', uri, deps.pageUrl);
  const readable = scriptAllowed ? await readsByScript(uri, deps) : undefined;
  const mediaAllowed = !deps.csp || cspAllows(deps.csp, 'media-src', uri, deps.pageUrl);
  const duration = mediaAllowed ? await loadsAudio(uri, deps) : undefined;
  const facts = {
    mediaHost: host,
    cors: readable === undefined ? 'notChecked' : readable ? 'readable' : 'refused',
    plays: duration !== undefined,
  };
  const notes = [
    text(
      readable === undefined
        ? 'setup.media.corsNotChecked'
        : readable
          ? 'setup.media.corsReadable'
          : 'setup.media.corsRefused',
      { host },
    ),
  ];
  if (duration === undefined)
    return {
      ...base,
      status: 'willNotWork',
      detail: text(mediaAllowed ? 'setup.media.failed' : 'setup.media.blocked', { host }),
      fix: text(mediaAllowed ? 'setup.media.fix' : 'setup.media.policyFix', { host }),
      notes,
      facts,
    };
  return {
    ...base,
    status: 'works',
    detail: text('setup.media.works', { host, seconds: Math.round(duration) }),
    notes,
    facts,
  };
}

/** A credential-less CORS read of the URL's first bytes (the body is not kept). */
async function readsByScript(uri: string, deps: MediaDeps): Promise<boolean> {
  const controller = new AbortController();
  const cancel = deps.scheduler.after(deps.timeoutMs ?? 10_000, () => controller.abort());
  try {
    const response = await deps.fetch(uri, {
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    controller.abort();
    return response.ok;
  } catch {
    return false;
  } finally {
    cancel();
  }
}
