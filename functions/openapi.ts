/**
 * The API's OpenAPI 3.1 document, generated from the route contracts of all three functions (not
 * from their handlers, so serving it costs the submission bundle only the contracts), and Swagger UI.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import type { AppEnv } from '../shared/http/app';
import { docs, openapiDocument } from './common/routes';
import { routes as approvalRoutes } from './approval/routes';
import { routes as reviewRoutes } from './review/routes';
import { routes as submissionRoutes } from './submission/routes';

/** Every route contract of the API, by the function that serves it. */
export const ROUTES_BY_FUNCTION = { submission: submissionRoutes, review: reviewRoutes, approval: approvalRoutes } as const;

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const generator = new OpenAPIHono();
  generator.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT of the configured issuer with claims sub, name, roles (rapporteur, reviewer, admin) and country for rapporteurs.',
  });
  for (const route of Object.values(ROUTES_BY_FUNCTION).flat()) generator.openAPIRegistry.registerPath(route);
  cached = generator.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Alliance Reporting API',
      version: '1.0.0',
      description:
        'Annual reporting of the Global Alliance Against Child Sexual Abuse Online: countries submit their reporting form section by section; reviewers approve or return sections; admins publish approved reports. Errors are RFC 9457 problem+json.',
    },
  });
  return cached;
}

/** Serves `/openapi.json` and `/docs` (relative URL, so it works under an API Gateway stage path). */
export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.openapi(openapiDocument, (c) => c.json(openApiDocument() as Record<string, unknown>, 200));
  app.get(docs.path, swaggerUI({ url: 'openapi.json', title: 'Alliance Reporting API' }));
}
