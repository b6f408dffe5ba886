/**
 * Architect: user prompts (contract §2.9) and the flow listing used to find a flow id by name
 * (contract §2.12).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assert, missingPermissions, notFound } from '../errors.js';
import { originOf, requireUser } from '../http-helpers.js';
import { toFlow, toPrompt, toPromptAsset } from '../playback/architect-shapes.js';
import {
  findPrompt,
  FLOWS,
  HOME_DIVISION,
  PROMPTS,
  type SeedFlow,
  type SeedPrompt,
} from '../seed-architect.js';
import {
  linkQuery,
  matchesPattern,
  queryBoolean,
  sortByField,
  sortOrder,
} from './architect-filters.js';
import { pageOf, pagingQuery, parseQuery, repeated } from './paging.js';

export const PROMPT_VIEW = 'architect:userPrompt:view';
export const FLOW_VIEW = 'architect:flow:view';

const renderQuery = {
  includeMediaUris: queryBoolean(true),
  includeResources: queryBoolean(true),
  language: repeated,
};

const promptsQuery = z.object({
  ...pagingQuery,
  ...renderQuery,
  name: repeated,
  description: z.string().optional(),
  nameOrDescription: z.string().optional(),
  sortBy: z.enum(['id', 'name', 'description']).default('id'),
  sortOrder,
  divisionId: repeated,
});

const flowsQuery = z.object({
  ...pagingQuery,
  type: repeated,
  id: repeated,
  name: z.string().optional(),
  description: z.string().optional(),
  nameOrDescription: z.string().optional(),
  deleted: queryBoolean(false),
  sortBy: z.enum(['id', 'name', 'description', 'type']).default('id'),
  sortOrder,
  divisionId: repeated,
});

interface TextFilters {
  name: readonly string[];
  description?: string;
  nameOrDescription?: string;
  divisionId: readonly string[];
}

/** Every given filter must match (names: any of the listed ones). */
function matchesFilters(entity: { name: string; description: string }, q: TextFilters): boolean {
  return (
    (q.name.length === 0 || q.name.some((n) => matchesPattern(n, entity.name))) &&
    (q.description === undefined || matchesPattern(q.description, entity.description)) &&
    (q.nameOrDescription === undefined ||
      matchesPattern(q.nameOrDescription, entity.name) ||
      matchesPattern(q.nameOrDescription, entity.description)) &&
    (q.divisionId.length === 0 || q.divisionId.includes(HOME_DIVISION.id))
  );
}

/** Several names: any of them matches and no other filter applies (SDK doc of getArchitectPrompts). */
function filterPrompts(q: z.infer<typeof promptsQuery>): SeedPrompt[] {
  if (q.name.length > 1)
    return PROMPTS.filter((p) => q.name.some((n) => matchesPattern(n, p.name)));
  return PROMPTS.filter((p) => matchesFilters(p, q));
}

/** With `id`, every other filter is ignored (SDK doc of getFlows). */
function filterFlows(q: z.infer<typeof flowsQuery>): SeedFlow[] {
  if (q.id.length > 0) return FLOWS.filter((f) => q.id.includes(f.id));
  const types = q.type.map((t) => t.toUpperCase());
  return FLOWS.filter(
    (f) =>
      (types.length === 0 || types.includes(f.type)) &&
      matchesFilters(f, { ...q, name: q.name === undefined ? [] : [q.name] }),
  );
}

const requirePermission = (request: FastifyRequest, permission: string) =>
  assert(requireUser(request).permissions.includes(permission), () =>
    missingPermissions([permission]),
  );

function loadPrompt(id: string): SeedPrompt {
  const prompt = findPrompt(id);
  assert(prompt, () => notFound(`Prompt ${id} was not found.`));
  return prompt;
}

const renderOptions = (request: FastifyRequest, q: z.infer<z.ZodObject<typeof renderQuery>>) => ({
  origin: originOf(request).http,
  includeMediaUris: q.includeMediaUris,
  includeResources: q.includeResources,
  languages: q.language.map((l) => l.toLowerCase()),
});

export function registerArchitectRoutes(api: FastifyInstance): void {
  api.get('/architect/prompts', async (request) => {
    requirePermission(request, PROMPT_VIEW);
    const q = parseQuery(promptsQuery, request.query);
    const prompts = sortByField(filterPrompts(q), (p) => p[q.sortBy], q.sortOrder);
    const page = pageOf(prompts, q, '/api/v2/architect/prompts', linkQuery(request.query));
    const options = renderOptions(request, q);
    return { ...page, entities: page.entities.map((p) => toPrompt(p, options)) };
  });

  api.get<{ Params: { promptId: string } }>('/architect/prompts/:promptId', async (request) => {
    requirePermission(request, PROMPT_VIEW);
    const q = parseQuery(z.object(renderQuery), request.query);
    return toPrompt(loadPrompt(request.params.promptId), renderOptions(request, q));
  });

  api.get<{ Params: { promptId: string } }>(
    '/architect/prompts/:promptId/resources',
    async (request) => {
      requirePermission(request, PROMPT_VIEW);
      const q = parseQuery(z.object(pagingQuery), request.query);
      const prompt = loadPrompt(request.params.promptId);
      const page = pageOf(prompt.resources, q, `/api/v2/architect/prompts/${prompt.id}/resources`);
      const options = { origin: originOf(request).http, includeMediaUris: true };
      return { ...page, entities: page.entities.map((r) => toPromptAsset(prompt, r, options)) };
    },
  );

  api.get<{ Params: { promptId: string; languageCode: string } }>(
    '/architect/prompts/:promptId/resources/:languageCode',
    async (request) => {
      requirePermission(request, PROMPT_VIEW);
      const prompt = loadPrompt(request.params.promptId);
      const language = request.params.languageCode.toLowerCase();
      const resource = prompt.resources.find((r) => r.language === language);
      assert(resource, () => notFound(`Prompt ${prompt.id} has no ${language} resource.`));
      return toPromptAsset(prompt, resource, {
        origin: originOf(request).http,
        includeMediaUris: true,
      });
    },
  );

  api.get('/flows', async (request) => {
    requirePermission(request, FLOW_VIEW);
    const q = parseQuery(flowsQuery, request.query);
    const flows = sortByField(filterFlows(q), (f) => f[q.sortBy], q.sortOrder);
    const page = pageOf(flows, q, '/api/v2/flows', linkQuery(request.query));
    return { ...page, entities: page.entities.map(toFlow) };
  });
}
