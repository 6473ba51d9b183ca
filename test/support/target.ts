/**
 * Where end-to-end tests send requests, through the typed API client. With `API_URL` set they know
 * only that base URL and the tokens in the environment (a deployed stack); otherwise they start the
 * local API over DynamoDB Local.
 *
 *   API_URL, E2E_COUNTRY (default ME; its report must still be an untouched draft),
 *   E2E_TOKEN_RAPPORTEUR (of E2E_COUNTRY), E2E_TOKEN_OTHER_RAPPORTEUR (of another country),
 *   E2E_TOKEN_REVIEWER, E2E_TOKEN_ADMIN
 */
import { expect } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/client';
import { startTestApi } from './api';

export interface Target {
  url: string;
  country: string;
  tokens: { rapporteur: string; otherRapporteur: string; reviewer: string; admin: string };
  /** The typed client, with a token or anonymous. */
  client(token?: string): ApiClient;
  close(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set when API_URL is (see test/support/target.ts)`);
  return value;
}

export async function resolveTarget(): Promise<Target> {
  const remote = process.env.API_URL;
  if (remote) {
    const url = remote.replace(/\/$/, '');
    return {
      url,
      country: process.env.E2E_COUNTRY ?? 'ME',
      tokens: {
        rapporteur: required('E2E_TOKEN_RAPPORTEUR'),
        otherRapporteur: required('E2E_TOKEN_OTHER_RAPPORTEUR'),
        reviewer: required('E2E_TOKEN_REVIEWER'),
        admin: required('E2E_TOKEN_ADMIN'),
      },
      client: (token) => createApiClient(url, token),
      close: async () => undefined,
    };
  }
  const api = await startTestApi();
  return {
    url: api.url,
    country: 'ME',
    tokens: { rapporteur: api.tokens.me, otherRapporteur: api.tokens.xk, reviewer: api.tokens.reviewer, admin: api.tokens.admin },
    client: (token) => createApiClient(api.url, token),
    close: api.close,
  };
}

/** The data of a call that must answer `status`; otherwise the test fails with the status and the problem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, status = 200): Promise<T> {
  const { data, error, response } = await call;
  expect(response.status, `${response.url}: ${JSON.stringify(error)}`).toBe(status);
  return data as T;
}
