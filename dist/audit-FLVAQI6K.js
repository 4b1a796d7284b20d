import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-TTH32D7H.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-JMXARA3T.js";
import "./chunk-POYN6SAS.js";
import "./chunk-SICTD76Z.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-KY46WTE5.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-MNGSRDY3.js";
import "./chunk-TAQSK6PT.js";
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
