import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-LQ7UQSZS.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-6MB5NMKQ.js";
import "./chunk-JUQ7VS5M.js";
import "./chunk-POYN6SAS.js";
import "./chunk-XUCCJRBV.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-Y2BJ55OD.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-ISWKSD42.js";
import "./chunk-D3ALXPSZ.js";
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
