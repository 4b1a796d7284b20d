import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-25LEYFDB.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-XW2QD2KK.js";
import "./chunk-FMXV5WKC.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-FQLCBYCB.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-Y4VRUFOR.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-5AAJWX2U.js";
import "./chunk-BJTVKCMU.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-SXFZJSNJ.js";
import "./chunk-EFPLM74F.js";
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
