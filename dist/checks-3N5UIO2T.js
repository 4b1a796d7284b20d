import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-PQW4TMYX.js";
import "./chunk-C2OKZWLU.js";
import "./chunk-HEUCHMYS.js";
import "./chunk-7XXRKAQC.js";
import "./chunk-C4QXHSQT.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
