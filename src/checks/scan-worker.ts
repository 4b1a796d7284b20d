// The worker thread of src/repo/scan-pool.ts, bundled as dist/scan-worker.js.
// For each file of a batch it reads the file (unless the text came along) by
// the file set's rule (readTextFile: binary files are not text), runs the
// named scanners and answers their results, in order. A scanner's exception answers the whole
// batch with an error: the pool then runs the batch on the main thread, where
// the exception reaches the check as it would without a worker.

import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readTextFile } from '../repo/fileset.js';
import { runAll, type WorkerAnswer } from '../repo/scan-pool.js';
import { SCANNERS } from './scanners.js';

interface Batch {
  id: number;
  items: Array<{ scanners: string[]; path: string; text?: string }>;
}

const { root } = workerData as { root: string };

function answer(item: Batch['items'][number]): WorkerAnswer {
  let text = item.text;
  if (text === undefined) {
    const read = readTextFile(join(root, item.path));
    // Descriptors used up by the rest of the process: the main thread reads it, waiting and retrying as it does.
    if ('busy' in read) return { retry: true };
    if ('unread' in read) return { unread: read.unread };
    text = read.text;
  }
  const scanners = item.scanners.map((name) => {
    const scanner = SCANNERS.get(name);
    if (!scanner) throw new Error(`unknown scanner ${name}`);
    return scanner;
  });
  return { results: runAll(scanners, item.path, text) };
}

/** Time spent on batches since the worker started, sent with every answer. */
let busyMs = 0;

parentPort?.on('message', ({ id, items }: Batch) => {
  const started = performance.now();
  try {
    const answers = items.map(answer);
    busyMs += performance.now() - started;
    parentPort!.postMessage({ id, answers, busyMs });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
