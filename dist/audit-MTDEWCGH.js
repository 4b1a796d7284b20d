import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-JWTP7OKU.js";
import "./chunk-IPINS2T6.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-H2Q4SEY3.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-POYN6SAS.js";
import "./chunk-CUY5SFQ7.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-MGTJRXQF.js";
import "./chunk-U6INHFWQ.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QQ74WBPV.js";
import "./chunk-YMYK5D56.js";
import "./chunk-AIZIQKGO.js";
import "./chunk-UBQSD2RF.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
