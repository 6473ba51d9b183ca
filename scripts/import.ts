/**
 * `npm run import -- --cycle 2014 [--country ME] [--dry-run] [--submit] [--overwrite] FILE...`: imports published
 * reporting-form documents through the API's import route (the same store and workflow as every
 * other write, with an audit event naming the importer). The cycle's form comes from the API too
 * (`GET /cycles/{cycle}`), so any cycle the API knows works. Without --country, each document's
 * country line decides. Talks to API_URL (default: the local server) through the typed client with
 * IMPORT_TOKEN, or with an admin token of the local development issuer when none is given.
 */
import { SingleBar, Presets } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevIssuer } from '../functions/local/dev-issuer';
import { createApiClient } from '../shared/client';
import { parseReportingForm } from '../shared/documents';
import { CycleSchema, cycleInfo, type CycleInfo } from '../shared/form';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cycle: { type: 'string', default: '2014' },
    country: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    submit: { type: 'boolean', default: false },
    overwrite: { type: 'boolean', default: false },
    api: { type: 'string' },
  },
});

function usage(message: string): never {
  process.stderr.write(`import: ${message}\nusage: npm run import -- --cycle 2014 [--country ME] [--dry-run] [--submit] [--overwrite] [--api URL] FILE...\n`);
  process.exit(2);
}

if (positionals.length === 0) usage('name at least one document');
if (values.country && positionals.length > 1) usage('--country applies to one document; omit it to take each document’s country line');
const apiUrl = (values.api ?? process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
const token =
  process.env.IMPORT_TOKEN ??
  (await (await ensureDevIssuer(resolve(process.env.DATA_DIR ?? '.data'))).sign({ sub: 'import-cli', name: `Import by ${process.env.USER ?? 'command line'}`, roles: ['admin'] }, { expiresIn: '15m' }));
const api = createApiClient(apiUrl, token);
const unreachable = (error: Error) => `cannot reach ${apiUrl} (is \`npm start\` running?): ${error.message}`;
const info = await readCycle(values.cycle!);

/** The cycle's form, participants and sections, as the API serves them. */
async function readCycle(cycle: string): Promise<CycleInfo> {
  const result = await api.GET('/cycles/{cycle}', { params: { path: { cycle } } }).catch((error: Error) => error);
  if (result instanceof Error) fail(unreachable(result));
  const { data, error, response } = result;
  if (response.status === 404) usage(`unknown cycle ${cycle}`);
  if (!data) fail(`cannot read cycle ${cycle}: ${response.status}: ${error?.detail ?? response.statusText}`);
  return cycleInfo(CycleSchema.parse(data));
}

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

interface Outcome {
  file: string;
  country?: string;
  ok: boolean;
  message: string;
  details: string[];
}

const outcomes: Outcome[] = [];
const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
bar.start(positionals.length, 0, { file: '' });

for (const file of positionals) {
  bar.update({ file: basename(file) });
  outcomes.push(await importOne(file));
  bar.increment();
}
bar.stop();

async function importOne(file: string): Promise<Outcome> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, ok: false, message: `cannot read: ${(error as Error).message}`, details: [] };
  }
  const country = values.country?.toUpperCase() ?? parseReportingForm(text, info).country;
  if (!country) return { file, ok: false, message: 'the document names no participant of the cycle; pass --country', details: [] };
  const flag = (on: boolean | undefined) => (on ? 'true' : 'false');
  const result = await api
    .POST('/cycles/{cycle}/reports/{country}/import', {
      params: {
        path: { cycle: info.cycle.id, country },
        query: { dryRun: flag(values['dry-run']), submit: flag(values.submit), overwrite: flag(values.overwrite) },
        header: { 'x-document-name': basename(file) },
      },
      body: text,
      bodySerializer: (body) => body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
    .catch((error: Error) => error);
  if (result instanceof Error) return { file, country, ok: false, message: unreachable(result), details: [] };
  const { data: body, error, response } = result;
  if (!body) {
    return { file, country, ok: false, message: `${response.status}: ${error?.detail ?? response.statusText}`, details: (error?.errors ?? []).map((e) => `${e.path}: ${e.message}`) };
  }
  const answered = body.sections.filter((s) => !s.nothingToReport).length;
  const details = body.attachmentsNotImported.map((a) => `${a.section}: attachment "${a.filename}" is listed but files are not imported`);
  return { file, country, ok: true, message: `${values['dry-run'] ? 'would import' : 'imported'} ${answered} answers, ${body.sections.length - answered} nothing to report; report ${body.status}`, details };
}

const failed = outcomes.filter((o) => !o.ok);
process.stdout.write('\n');
for (const o of outcomes) {
  process.stdout.write(`${o.ok ? '✔' : '✘'} ${o.file}${o.country ? ` (${o.country})` : ''}: ${o.message}\n`);
  for (const line of o.details) process.stdout.write(`    ${line}\n`);
}
process.stdout.write(`\n${outcomes.length - failed.length} of ${outcomes.length} document(s) ${values['dry-run'] ? 'checked' : 'imported'}${failed.length ? `, ${failed.length} refused` : ''}.\n`);
process.exit(failed.length ? 1 : 0);
