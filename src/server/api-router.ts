import type { RequestHandler } from 'express';
import type { IdentityMode } from '../config';
import { API, type FileRoute, type ReadRoute, type RouteName, type UseCaseRoute } from '../contract/api';
import type { DocumentLinks, GuidanceTexts, PathwayService } from '../domain';
import { READS, runUseCase, type OpenRead } from './api-routes';
import { fileHandler } from './download-routes';
import { sendError } from './http-errors';
import { principalOf } from './principal';

/** The largest JSON body the tab API reads; anything bigger is answered 413. */
export const API_BODY_LIMIT = '100kb';

/** A path id: a positive whole number that fits a JavaScript integer. */
const ID = /^[1-9]\d{0,14}$/;

/** What the API's handlers are given. */
export interface ApiDependencies {
  readonly service: PathwayService;
  readonly identity: IdentityMode;
  /** Links to the organisation's documents, sent with a partner's checklist. */
  readonly documents: DocumentLinks;
  readonly guidance: GuidanceTexts;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query parameters the route reads, each given once as text; the others are dropped. */
function queryOf(
  name: RouteName,
  given: Readonly<Record<string, unknown>>,
): { readonly query: Record<string, string> } | { readonly repeated: string } {
  const spec = API[name];
  const names: readonly string[] = 'query' in spec ? spec.query : [];
  const query: Record<string, string> = {};
  for (const param of names) {
    const value = given[param];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { repeated: param };
    query[param] = value;
  }
  return { query };
}

const isFile = (name: RouteName): name is FileRoute => 'file' in API[name];
const isUseCase = (name: RouteName): name is UseCaseRoute => 'useCase' in API[name];

/**
 * Answers one route of the contract (`src/contract/api.ts`): the path's ids checked
 * (anything else is 404), then its file, its read, or its use case with the JSON body
 * (which must be an object). Errors go on to the app's error handler.
 */
export function apiHandler(name: Exclude<RouteName, OpenRead>, deps: ApiDependencies): RequestHandler {
  const answerFile = isFile(name) ? fileHandler(name, deps.service) : undefined;
  return async (req, res) => {
    const ids: Record<string, number> = {};
    for (const [param, value] of Object.entries(req.params as Record<string, string>)) {
      if (!ID.test(value)) return sendError(res, 404, 'not-found', `There is nothing here: "${value}" is not an id.`);
      ids[param] = Number(value);
    }
    const asked = queryOf(name, req.query);
    if ('repeated' in asked) {
      return sendError(res, 400, 'bad-query', `Give "${asked.repeated}" once in the address: it was given more than once.`);
    }
    const { query } = asked;
    if (answerFile) return answerFile(req, res, ids, query);
    const actor = principalOf(res);
    if (!isUseCase(name)) {
      res.status(200).json(await READS[name as Exclude<ReadRoute, OpenRead>]({ ...deps, actor, ids, query }));
      return;
    }
    const body: unknown = req.body;
    if (body !== undefined && !isPlainObject(body)) return sendError(res, 400, 'not-an-object', 'The request body must be a JSON object.');
    const answer = await runUseCase(name, deps.service, actor, body ?? {}, ids);
    res.status('status' in API[name] ? 201 : 200).json(answer);
  };
}
