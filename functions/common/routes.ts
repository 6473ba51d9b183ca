/** Contracts of the routes every deployment serves once: health and the API's own documentation. */
import { createRoute, z } from '@hono/zod-openapi';
import { HealthSchema } from '../../shared/http/schemas';

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Liveness check',
  responses: { 200: { description: 'The service is up', content: { 'application/json': { schema: HealthSchema } } } },
});

export const openapiDocument = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['meta'],
  summary: 'This API as an OpenAPI 3.1 document',
  responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

export const docs = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['meta'],
  summary: 'Swagger UI for this API',
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
});
