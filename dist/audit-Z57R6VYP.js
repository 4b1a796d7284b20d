import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-5XSTUK3L.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-AVJ5V47M.js";
import "./chunk-POYN6SAS.js";
import "./chunk-MDCVXSHE.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-3ZLYF534.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-PBPYGJLN.js";
import "./chunk-5A57OFT4.js";
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
