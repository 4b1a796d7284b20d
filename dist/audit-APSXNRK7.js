import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-KT6UZRJM.js";
import "./chunk-B42MKZD7.js";
import "./chunk-FMYUELRK.js";
import "./chunk-Q4KE6HY6.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-WXS5CF3W.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-IN437LOU.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-EDX7D2M4.js";
import "./chunk-MZGBMLT5.js";
import "./chunk-EYJGI7QG.js";
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
