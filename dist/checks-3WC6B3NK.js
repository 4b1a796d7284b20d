import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-ECLHGXI2.js";
import "./chunk-PJBTNY3R.js";
import "./chunk-F6QH6QG4.js";
import "./chunk-PBGGWLEY.js";
import "./chunk-C4QXHSQT.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
