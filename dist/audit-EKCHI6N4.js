import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-FSAD2I3V.js";
import "./chunk-B42MKZD7.js";
import "./chunk-XU6QBVBX.js";
import "./chunk-P6MPPS6W.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-OZDHFCXN.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-KDHVX4WA.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-KL4KV6DU.js";
import "./chunk-HVONVLPO.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-MA5YLEZW.js";
import "./chunk-4YSXRXC5.js";
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
