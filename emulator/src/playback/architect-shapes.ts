/** REST bodies of Architect prompts and flows (SDK 262 `Models.Prompt`, `PromptAsset`, `Flow`). */
import type { Models } from 'purecloud-platform-client-v2';
import {
  HOME_DIVISION,
  type SeedFlow,
  type SeedPrompt,
  type SeedPromptResource,
} from '../seed-architect.js';
import { mediaUriOf } from './media.js';

const API = '/api/v2';

const division = () => ({
  id: HOME_DIVISION.id,
  name: HOME_DIVISION.name,
  selfUri: `${API}/authorization/divisions/${HOME_DIVISION.id}`,
});

export interface PromptRenderOptions {
  /** `http://host:port` of the request, for absolute media URLs. */
  origin: string;
  includeMediaUris: boolean;
  includeResources: boolean;
  /** Only these languages (lower-cased); empty = all. */
  languages: readonly string[];
}

export function toPromptAsset(
  prompt: SeedPrompt,
  resource: SeedPromptResource,
  options: Pick<PromptRenderOptions, 'origin' | 'includeMediaUris'>,
): Models.PromptAsset {
  const transcoded = resource.uploadStatus === 'transcoded' && resource.durationMs !== undefined;
  return {
    id: resource.language,
    name: prompt.name,
    promptId: prompt.id,
    language: resource.language,
    mediaUri: options.includeMediaUris ? mediaUriOf(options.origin, prompt, resource) : undefined,
    ttsString: resource.ttsString,
    text: resource.ttsString,
    uploadStatus: resource.uploadStatus,
    languageDefault: prompt.resources[0] === resource,
    tags: {},
    durationSeconds: transcoded ? resource.durationMs! / 1000 : undefined,
    selfUri: `${API}/architect/prompts/${prompt.id}/resources/${resource.language}`,
  };
}

export function toPrompt(prompt: SeedPrompt, options: PromptRenderOptions): Models.Prompt {
  const resources = prompt.resources.filter(
    (r) => options.languages.length === 0 || options.languages.includes(r.language),
  );
  return {
    id: prompt.id,
    name: prompt.name,
    division: division(),
    description: prompt.description,
    resources: options.includeResources
      ? resources.map((r) => toPromptAsset(prompt, r, options))
      : undefined,
    selfUri: `${API}/architect/prompts/${prompt.id}`,
  };
}

export function toFlow(flow: SeedFlow): Models.Flow {
  const version: Models.FlowVersion = {
    id: '1.0',
    name: flow.name,
    commitVersion: '1.0',
    configurationVersion: '1.0',
    type: flow.type,
    secure: flow.type === 'SECURECALL',
    debug: false,
    selfUri: `${API}/flows/${flow.id}/versions/1.0`,
  };
  return {
    id: flow.id,
    name: flow.name,
    division: division(),
    description: flow.description,
    type: flow.type,
    active: true,
    system: false,
    deleted: false,
    publishedVersion: version,
    checkedInVersion: version,
    selfUri: `${API}/flows/${flow.id}`,
  };
}

/** `{id, name, selfUri}` of a flow (a `SecureSession.flow`). */
export function flowRef(flow: SeedFlow): Models.DomainEntityRef {
  return { id: flow.id, name: flow.name, selfUri: `${API}/flows/${flow.id}` };
}
