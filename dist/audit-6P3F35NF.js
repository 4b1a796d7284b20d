import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-IFWO7F5H.js";
import "./chunk-B42MKZD7.js";
import "./chunk-KOSA3AF5.js";
import "./chunk-VPLLYYYG.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-5Z7UVHJS.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-IN437LOU.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-EDX7D2M4.js";
import "./chunk-G6VNFUUC.js";
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
