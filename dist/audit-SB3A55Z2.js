import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-IHEXD33D.js";
import "./chunk-B42MKZD7.js";
import "./chunk-TV6KZPWZ.js";
import "./chunk-LLJUCBFM.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-MHGFS7OD.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-ZFIA6M3T.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-TJENLEDC.js";
import "./chunk-SJZQWUDS.js";
import "./chunk-4X5TJJTO.js";
import "./chunk-ZWKHHNHX.js";
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
