/**
 * The schema modules of the API's route contracts, loaded with `import()` on first use (see
 * ./contract.ts): request schemas on a route's first request, response schemas only for the OpenAPI
 * document. Each is a lazy chunk of the function bundles, so no function builds them at cold start.
 */
import type { SchemaModules } from './contract';

/** What a contract's `request` receives: the request schemas, and zod with `.openapi()` for inline ones. */
export type Inputs = (typeof import('./schemas'))['inputs'];
/** What a contract's `responses` receives: the response schemas, and zod. */
export type Outputs = typeof import('./response-schemas');
/** The people function's schemas, for both. */
export type PeopleSchemas = (typeof import('./people-schemas'))['people'];

export const HTTP_SCHEMAS: SchemaModules<Inputs, Outputs> = {
  inputs: () => import('./schemas').then((m) => m.inputs),
  outputs: () => import('./response-schemas'),
};

export const PEOPLE_SCHEMAS: SchemaModules<PeopleSchemas, PeopleSchemas> = {
  inputs: () => import('./people-schemas').then((m) => m.people),
  outputs: () => import('./people-schemas').then((m) => m.people),
};
