import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-ZMP2X5BK.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-OTJ3KJUF.js";
import "./chunk-WTDXL6U3.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-QZRY4AUE.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-BXX4WFHP.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-T2H2ZEKY.js";
import "./chunk-DS2YXBRS.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-7E7C46DF.js";
import "./chunk-AEG26EQ4.js";
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
