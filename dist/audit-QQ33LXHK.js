import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-IPJEMJNA.js";
import "./chunk-HA6UI6QN.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-PIFAN5WJ.js";
import "./chunk-SENUNESX.js";
import "./chunk-Q6CRWAKZ.js";
import "./chunk-GRN5AYSY.js";
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
