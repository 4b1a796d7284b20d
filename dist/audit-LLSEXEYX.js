import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-H35WY45O.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-HU4I2HOG.js";
import "./chunk-ULJ3IXED.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-ISO2YZLM.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JANCEJGW.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-WJ6LKLAP.js";
import "./chunk-O7PHBJO4.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-EJNAD36O.js";
import "./chunk-VE7Y2MBA.js";
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
