import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-L4UQLRK2.js";
import "./chunk-OX7JRHZY.js";
import "./chunk-KDQ7IPNT.js";
import "./chunk-ECLHGXI2.js";
import "./chunk-PJBTNY3R.js";
import "./chunk-F6QH6QG4.js";
import "./chunk-PBGGWLEY.js";
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
