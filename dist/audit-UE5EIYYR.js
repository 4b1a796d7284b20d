import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-LIDLOLUG.js";
import "./chunk-B42MKZD7.js";
import "./chunk-2IWD2D7J.js";
import "./chunk-UCHYBBIQ.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-NJW4ZKLD.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-6WWHYZH7.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-EZOMUYVN.js";
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
