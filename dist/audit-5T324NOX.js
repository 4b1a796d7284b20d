import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-I6B66YIC.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-KJLTYBS7.js";
import "./chunk-FSBY5HBN.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-XHB5ELNZ.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-XCUVFBKW.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-34FEHR7J.js";
import "./chunk-KONRI53T.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-4Z2OGTBQ.js";
import "./chunk-MTTX4N5J.js";
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
