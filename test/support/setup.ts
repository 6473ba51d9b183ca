/** Per-file setup: request logs are dropped unless a test captures them; temporary folders go after the file. */
import { afterAll } from 'vitest';
import { setLogSink } from '../../shared/http/log';
import { removeTempDirs } from './temp';

setLogSink(() => undefined);
afterAll(removeTempDirs);
