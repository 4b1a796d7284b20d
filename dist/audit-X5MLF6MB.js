import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-JIWGVYMM.js";
import "./chunk-2HDTUEOS.js";
import "./chunk-GHMOUVJK.js";
import "./chunk-VNKKQXHU.js";
import "./chunk-5QF3R3ZT.js";
import "./chunk-PBAZAWPI.js";
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
