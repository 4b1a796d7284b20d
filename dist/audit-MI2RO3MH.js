import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-TYNO3QGT.js";
import "./chunk-B42MKZD7.js";
import "./chunk-XEU6MCXS.js";
import "./chunk-G3BXLY3E.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-D4R7TUWV.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-B2K3X7XH.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-5R5XR2S3.js";
import "./chunk-BQEEBJSW.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-YF7QGQNS.js";
import "./chunk-2IDWYKLQ.js";
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
