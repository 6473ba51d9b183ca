/** Contracts of the routes every deployment serves once: health and the API's own documentation. */
import { defineRoutes } from '../../shared/http/contract';
import { HTTP_SCHEMAS } from '../../shared/http/schema-modules';

export const commonRoutes = defineRoutes(HTTP_SCHEMAS, {
  getHealth: {
    method: 'get',
    path: '/health',
    tags: ['meta'],
    summary: 'Liveness check',
    auth: 'none',
    responses: ({ HealthSchema }) => ({ 200: { description: 'The service is up', content: { 'application/json': { schema: HealthSchema } } } }),
  },
  getOpenApi: {
    method: 'get',
    path: '/openapi.json',
    tags: ['meta'],
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'none',
    responses: ({ z }) => ({ 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } }),
  },
  getDocs: {
    method: 'get',
    path: '/docs',
    tags: ['meta'],
    summary: 'Swagger UI for this API',
    auth: 'none',
    responses: ({ z }) => ({ 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } }),
  },
});
