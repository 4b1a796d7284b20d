import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-3UDXK4M7.js";
import "./chunk-B42MKZD7.js";
import "./chunk-4N6RPX5I.js";
import "./chunk-2PRQJV4M.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-6GQYGDUE.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-5U7Q7XAO.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-VWRJTAF5.js";
import "./chunk-7U7SJXNR.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-LQOYOES5.js";
import "./chunk-SYVYWV2T.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-EVN3OK6M.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-QYKWEJ7R.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
