/** Route contracts of the submission function: what a country's rapporteur reads and writes. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  CycleDetailSchema,
  CycleParam,
  CycleSummarySchema,
  IfMatchHeader,
  ReportParams,
  ReportSchema,
  SaveSectionBody,
  SectionParams,
  SectionSchema,
  problems,
} from '../../shared/http/schemas';
import { docs, health, openapiDocument } from '../common/routes';

const bearer = [{ bearer: [] }];

export const listCycles = createRoute({
  method: 'get',
  path: '/cycles',
  tags: ['cycles'],
  summary: 'Reporting cycles',
  security: bearer,
  responses: {
    200: { description: 'Cycles', content: { 'application/json': { schema: z.object({ cycles: z.array(CycleSummarySchema) }) } } },
    ...problems(401),
  },
});

export const getCycle = createRoute({
  method: 'get',
  path: '/cycles/{cycle}',
  tags: ['cycles'],
  summary: 'A cycle: its form, section ids, participants and deadline',
  security: bearer,
  request: { params: CycleParam },
  responses: { 200: { description: 'The cycle', content: { 'application/json': { schema: CycleDetailSchema } } }, ...problems(400, 401, 404) },
});

export const getReport = createRoute({
  method: 'get',
  path: '/cycles/{cycle}/reports/{country}',
  tags: ['reports'],
  summary: "A country's report with every section (rapporteur of the country, reviewer, admin)",
  security: bearer,
  request: { params: ReportParams },
  responses: { 200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } }, ...problems(400, 401, 403, 404) },
});

export const saveSection = createRoute({
  method: 'put',
  path: '/cycles/{cycle}/reports/{country}/sections/{section}',
  tags: ['reports'],
  summary: "Save a section's answer (rapporteur of the country; section draft or returned)",
  security: bearer,
  request: {
    params: SectionParams,
    headers: IfMatchHeader,
    body: { required: true, content: { 'application/json': { schema: SaveSectionBody } } },
  },
  responses: {
    200: {
      description: 'The saved section; its new etag is also in the ETag header',
      headers: z.object({ ETag: z.string() }),
      content: { 'application/json': { schema: SectionSchema } },
    },
    ...problems(400, 401, 403, 404, 409, 412, 428),
  },
});

export const submitReport = createRoute({
  method: 'post',
  path: '/cycles/{cycle}/reports/{country}/submit',
  tags: ['reports'],
  summary: 'Submit the report for review (rapporteur of the country)',
  security: bearer,
  request: { params: ReportParams },
  responses: { 200: { description: 'The submitted report', content: { 'application/json': { schema: ReportSchema } } }, ...problems(400, 401, 403, 404, 409) },
});

/** Every contract this function serves (API Gateway routes them here). */
export const routes = [health, openapiDocument, docs, listCycles, getCycle, getReport, saveSection, submitReport];
