import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-HD57ZYAQ.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-CTLQMTPF.js";
import "./chunk-6RBI6KJE.js";
import "./chunk-POYN6SAS.js";
import "./chunk-ZACRNWBI.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-TSOGGN7W.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-MZGC2JCM.js";
import "./chunk-HKWSCONT.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-PBJ3VZOP.js";
import "./chunk-MIBNUXR3.js";
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
