import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-YLWMLFMG.js";
import "./chunk-B42MKZD7.js";
import "./chunk-2WT6UQSI.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-HNJKDOIE.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-32DETLBM.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-3VASOFYB.js";
import "./chunk-2Y6ZGBBV.js";
import "./chunk-7KM3BS4O.js";
import "./chunk-Z4IITOJS.js";
import "./chunk-STATKJKS.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-IPINS2T6.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
