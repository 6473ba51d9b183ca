/** Per-worker setup: request logs are dropped unless a test captures them. */
import { setLogSink } from '../../shared/http/log';

setLogSink(() => undefined);
