import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ANNOTATIONS_PER_REQUEST,
  annotationsFor,
  batches,
  completeCheckRun,
  completionOf,
  conclusionOf,
  headWithinBytes,
  repositoryPath,
  startCheckRun
} from "./chunk-SPHS2FO7.js";
import "./chunk-7CZ2C6TQ.js";
import "./chunk-LLUEQJVG.js";
import "./chunk-VNR4XD6K.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-IPINS2T6.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-7FI7UYSE.js";
export {
  ANNOTATIONS_PER_REQUEST,
  annotationsFor,
  batches,
  completeCheckRun,
  completionOf,
  conclusionOf,
  headWithinBytes,
  repositoryPath,
  startCheckRun
};
