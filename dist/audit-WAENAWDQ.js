import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-RWE3FXJ4.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-TH7Z7EO5.js";
import "./chunk-JTVT7DCP.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-JIDHO4WO.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-LTF6VYSR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QK6XSLNP.js";
import "./chunk-BJTVKCMU.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-OEQKGPOU.js";
import "./chunk-HVDDMIDC.js";
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
