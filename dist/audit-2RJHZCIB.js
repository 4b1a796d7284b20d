import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-FY2NZ5XS.js";
import "./chunk-B42MKZD7.js";
import "./chunk-B5EOW2LL.js";
import "./chunk-SKLF6PLX.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-UV26DSIY.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-6HHVNKLT.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-VBW66HIO.js";
import "./chunk-HVONVLPO.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-6FEVE6N6.js";
import "./chunk-SK5ADHLB.js";
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
