/**
 * `npm run --silent token -- --role rapporteur --country ME [--sub …] [--name …] [--expires 8h]`:
 * prints only a token of the local development issuer (the keys under DATA_DIR, generated if missing).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CountryCodeSchema } from '../../shared/form';
import { ROLES, type Role } from '../../shared/workflow';
import { ensureDevIssuer } from './dev-issuer';

function fail(message: string): never {
  process.stderr.write(`token: ${message}\nusage: npm run --silent token -- --role rapporteur|reviewer|admin [--country ME] [--sub ID] [--name "Full Name"] [--expires 8h]\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    country: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
  strict: true,
});

const roles = (values.role ?? []).flatMap((r) => r.split(','));
if (roles.length === 0) fail('--role is required');
for (const role of roles) if (!(ROLES as readonly string[]).includes(role)) fail(`unknown role "${role}" (one of ${ROLES.join(', ')})`);
const country = values.country?.toUpperCase();
if (roles.includes('rapporteur') && !country) fail('a rapporteur needs --country');
if (country && !CountryCodeSchema.safeParse(country).success) fail(`--country must be an ISO 3166-1 alpha-2 code, got "${values.country}"`);

const sub = values.sub ?? (country ? `${roles[0]}-${country.toLowerCase()}` : roles[0]!);
const name = values.name ?? (country ? `${country} ${roles[0]}` : `Demo ${roles[0]}`);
const issuer = await ensureDevIssuer(resolve(process.env.DATA_DIR ?? '.data'));
const token = await issuer.sign({ sub, name, roles: roles as Role[], ...(country ? { country } : {}) }, { expiresIn: values.expires });
process.stdout.write(token + '\n');
