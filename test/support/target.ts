/**
 * Where end-to-end tests send requests. With `API_URL` set they know only that base URL and the
 * tokens in the environment (a deployed stack); otherwise they start the local API over DynamoDB Local.
 *
 *   API_URL, E2E_COUNTRY (default ME; its report must still be an untouched draft),
 *   E2E_TOKEN_RAPPORTEUR (of E2E_COUNTRY), E2E_TOKEN_OTHER_RAPPORTEUR (of another country),
 *   E2E_TOKEN_REVIEWER, E2E_TOKEN_ADMIN
 */
import { startTestApi } from './api';
import { request } from './http';

export interface Target {
  url: string;
  country: string;
  tokens: { rapporteur: string; otherRapporteur: string; reviewer: string; admin: string };
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
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
      call: (method, path, options = {}) => request(url, method, path, options),
      close: async () => undefined,
    };
  }
  const api = await startTestApi();
  return {
    url: api.url,
    country: 'ME',
    tokens: { rapporteur: api.tokens.me, otherRapporteur: api.tokens.xk, reviewer: api.tokens.reviewer, admin: api.tokens.admin },
    call: api.call,
    close: api.close,
  };
}
