import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-PIFAN5WJ.js";
import "./chunk-SENUNESX.js";
import "./chunk-Q6CRWAKZ.js";
import "./chunk-GRN5AYSY.js";
import "./chunk-C4QXHSQT.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
