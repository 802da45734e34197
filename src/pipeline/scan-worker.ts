// Entry script of a scanning worker thread: the reading engine's worker side, with the folds
// this pipeline feeds (see folds.ts).

import { runScanWorker } from '../scan/worker.js';
import { makeFold } from './folds.js';

runScanWorker(makeFold);
