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
} from "./chunk-CNH2XTTF.js";
import "./chunk-MMD6SZQL.js";
import "./chunk-WWXX22LG.js";
import "./chunk-IPINS2T6.js";
import "./chunk-VNR4XD6K.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JWXGXOVI.js";
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
