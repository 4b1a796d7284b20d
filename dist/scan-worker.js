import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  runAll
} from "./chunk-POYN6SAS.js";
import {
  SCANNERS
} from "./chunk-FVDKFORJ.js";
import {
  readTextFile
} from "./chunk-P7AGYOMS.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";

// src/checks/scan-worker.ts
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
var { root } = workerData;
function answer(item) {
  let text = item.text;
  if (text === void 0) {
    const read = readTextFile(join(root, item.path));
    if ("busy" in read) return { retry: true };
    if ("unread" in read) return { unread: read.unread };
    text = read.text;
  }
  const scanners = item.scanners.map((name) => {
    const scanner = SCANNERS.get(name);
    if (!scanner) throw new Error(`unknown scanner ${name}`);
    return scanner;
  });
  return { results: runAll(scanners, item.path, text) };
}
var busyMs = 0;
parentPort?.on("message", ({ id, items }) => {
  const started = performance.now();
  try {
    const answers = items.map(answer);
    busyMs += performance.now() - started;
    parentPort.postMessage({ id, answers, busyMs });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
