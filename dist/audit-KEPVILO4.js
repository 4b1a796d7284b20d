import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-AAEAXCEZ.js";
import "./chunk-XO34UVJU.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-PQW4TMYX.js";
import "./chunk-C2OKZWLU.js";
import "./chunk-HEUCHMYS.js";
import "./chunk-7XXRKAQC.js";
import "./chunk-52QRXJXJ.js";
import "./chunk-C4QXHSQT.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-G7WN52ET.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-BKALYANK.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  resolveRepoRoot,
  resolveTargets
};
