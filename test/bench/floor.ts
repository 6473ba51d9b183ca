/**
 * The floor of `npm run bench:cold`: the smallest Lambda of this project's stack (Hono on the Lambda
 * adapter, the DynamoDB document client, jose, zod) doing what every function does on a request:
 * parse its configuration with zod, verify a bearer JWT with jose against an inline JWKS, Query one
 * report partition and answer JSON. It is built by the deployment's own build (it is synthesized as
 * one more row of the function table by the benchmark), so its size and init time are what the
 * functions' own code and dependencies are compared with.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';

const config = z
  .object({ TABLE_NAME: z.string().min(1), AUTH_ISSUER: z.string().min(1), AUTH_AUDIENCE: z.string().optional(), AUTH_JWKS: z.string().min(1) })
  .parse(process.env);
const keys = createLocalJWKSet(JSON.parse(config.AUTH_JWKS));
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
const Params = z.object({ cycle: z.string().regex(/^\d{4}$/), country: z.string().regex(/^[A-Z]{2}$/) });

const app = new Hono();
app.get('/cycles/:cycle/reports/:country', async (c) => {
  const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) return c.json({ title: 'Unauthorized' }, 401);
  const { payload } = await jwtVerify(token, keys, { issuer: config.AUTH_ISSUER, ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}) });
  const { cycle, country } = Params.parse(c.req.param());
  const { Items = [] } = await doc.send(
    new QueryCommand({ TableName: config.TABLE_NAME, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': `REPORT#${cycle}#${country}`, ':p': 'R#' } }),
  );
  return c.json({ sub: payload.sub, items: Items.length });
});

export const handler = handle(app);
