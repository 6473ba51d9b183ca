/**
 * The schema modules of the API's route contracts, loaded with `import()` on first use (see
 * ./contract.ts): request schemas on a route's first request, response schemas only for the OpenAPI
 * document. Each is a lazy chunk of the function bundles, so no function builds them at cold start.
 */
import type { SchemaModules } from './contract';

export const HTTP_SCHEMAS: SchemaModules<typeof import('./schemas'), typeof import('./response-schemas')> = {
  inputs: () => import('./schemas'),
  outputs: () => import('./response-schemas'),
};

export const PEOPLE_SCHEMAS: SchemaModules<typeof import('./people-schemas'), typeof import('./people-schemas')> = {
  inputs: () => import('./people-schemas'),
  outputs: () => import('./people-schemas'),
};
