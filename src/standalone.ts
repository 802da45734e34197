// Entry of the single-file build that a data repository pins (`.mj/mj.mjs`, written by mj init and
// mj pin): the CLI on the main thread, and the scanning worker when this same file is started as
// a worker thread (the build has no separate worker script).

import { isMainThread } from 'node:worker_threads';

if (isMainThread) await import('./cli.js');
else await import('./pipeline/scan-worker.js');
