/**
 * Structured logging: one JSON object per line on stdout (CloudWatch in Lambda, the terminal locally).
 * Callers pass identifiers and figures only, never answer text, tokens or signed URLs.
 */

type Level = 'debug' | 'info' | 'warn' | 'error';

let sink: (line: string) => void = (line) => process.stdout.write(line + '\n');

/** Redirects log lines (tests capture them to check what is and is not logged). */
export function setLogSink(next: (line: string) => void): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (process.env.LOG_LEVEL === 'silent') return;
  sink(JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }));
}
