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
} from "./chunk-CBSXIJHG.js";
import "./chunk-EBSNIDE3.js";
import "./chunk-6ZG5HRRK.js";
import "./chunk-M6JAG3LF.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QYKWEJ7R.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
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
