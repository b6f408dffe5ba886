import type { Models } from 'purecloud-platform-client-v2';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';

/** One language version of a prompt's audio (`PromptAsset`, contract §2.9). */
export interface PromptResource {
  language: string;
  /** Where the audio can be fetched (may be pre-signed and expire on a real org). */
  mediaUri?: string;
  /** Length of the audio; the platform fills it only once the upload is transcoded. */
  durationSeconds?: number;
  /** `uploadStatus === 'transcoded'`: a flow can play it. */
  transcoded: boolean;
  isDefault: boolean;
}

/** An Architect user prompt: `name` is an identifier, `description` the readable text. */
export interface Prompt {
  id: string;
  name: string;
  description?: string;
  resources: PromptResource[];
}

export interface PromptPage {
  prompts: Prompt[];
  pageNumber: number;
  pageCount: number;
  total: number;
}

export interface PromptQuery {
  /** Matched against name or description (substring). Empty: every prompt. */
  search?: string;
  pageNumber?: number;
  pageSize?: number;
}

/** A flow as the widget needs it to start a secure IVR session. */
export interface FlowSummary {
  id: string;
  name: string;
  type: string;
  deleted: boolean;
}

function toResource(asset: Models.PromptAsset): PromptResource {
  const duration = asset.durationSeconds;
  return {
    language: asset.language ?? asset.id ?? '',
    mediaUri: asset.mediaUri || undefined,
    durationSeconds:
      typeof duration === 'number' && Number.isFinite(duration) ? duration : undefined,
    transcoded: asset.uploadStatus?.toLowerCase() === 'transcoded',
    isDefault: asset.languageDefault === true,
  };
}

function toPrompt(raw: Models.Prompt): Prompt | null {
  if (!raw.id || typeof raw.name !== 'string') return null;
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description || undefined,
    resources: (raw.resources ?? []).map(toResource),
  };
}

/** `*term*`: the platform's wildcard; a `*` the agent typed is dropped rather than sent. */
const wildcard = (search: string) => `*${search.replaceAll('*', '').trim()}*`;

/**
 * `GET /api/v2/architect/prompts` (SDK `getArchitectPrompts`; `architect:userPrompt:view`) with
 * media URIs and resources, sorted by name, one page at a time.
 *
 * @example
 * const page = await listPrompts(sdk, budget, { search: 'disclosure', pageNumber: 1 });
 */
export async function listPrompts(
  sdk: Sdk,
  budget: RequestBudget,
  query: PromptQuery,
): Promise<PromptPage> {
  const search = query.search?.replaceAll('*', '').trim();
  const listing = await budget.run(() =>
    callOperation<Models.PromptEntityListing>(sdk, {
      method: 'GET',
      path: '/api/v2/architect/prompts',
      query: {
        pageNumber: String(query.pageNumber ?? 1),
        pageSize: String(query.pageSize ?? 25),
        nameOrDescription: search ? wildcard(search) : undefined,
        sortBy: 'name',
        sortOrder: 'asc',
        includeMediaUris: true,
        includeResources: true,
      },
    }),
  );
  return {
    prompts: (listing.entities ?? []).flatMap((p) => toPrompt(p) ?? []),
    pageNumber: listing.pageNumber ?? query.pageNumber ?? 1,
    pageCount: listing.pageCount ?? 1,
    total: listing.total ?? listing.entities?.length ?? 0,
  };
}

/**
 * `GET /api/v2/flows?type=…&name=…` (SDK `getFlows`; `architect:flow:view`, which a plain agent
 * role may lack). How the platform matches `name` is undocumented: callers compare it themselves.
 *
 * @example
 * const flows = await findFlows(sdk, budget, { type: 'securecall', name: 'Play Prompt' });
 */
export async function findFlows(
  sdk: Sdk,
  budget: RequestBudget,
  filter: { type: string; name: string },
): Promise<FlowSummary[]> {
  const listing = await budget.run(() =>
    callOperation<Models.FlowEntityListing>(sdk, {
      method: 'GET',
      path: '/api/v2/flows',
      query: { type: filter.type, name: filter.name, pageSize: '25', deleted: false },
    }),
  );
  return (listing.entities ?? []).flatMap((flow) =>
    flow.id && flow.name
      ? [{ id: flow.id, name: flow.name, type: flow.type ?? '', deleted: flow.deleted === true }]
      : [],
  );
}
