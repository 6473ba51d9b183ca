import { execFileSync } from 'node:child_process';
import { buildFunction } from '/work/wt-cold/infra/build';
const entries = process.argv.slice(2);
const dirs: string[] = [];
for (const e of entries) { const d = `/tmp/cold/p-${e.replace(/\W/g, '_')}`; await buildFunction(e, d); dirs.push(d); }
const env = { PATH: process.env.PATH!, AWS_REGION: 'eu-west-1', TABLE_NAME: 't', BUCKET_NAME: 'b', AUTH_ISSUER: 'urn:x', AUTH_JWKS: '{"keys":[]}', LOG_LEVEL: 'silent' };
const times = new Map<string, number[]>(entries.map((e) => [e, []]));
for (let r = 0; r < 9; r++) for (let i = 0; i < entries.length; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const t=performance.now(); await import('${dirs[i]}/index.mjs'); process.stdout.write(String(performance.now()-t))`], { env, encoding: 'utf8' });
  times.get(entries[i]!)!.push(Number(out));
}
for (const [e, t] of times) { t.sort((a, b) => a - b); console.log(e.padEnd(40), t[4]!.toFixed(1)); }
