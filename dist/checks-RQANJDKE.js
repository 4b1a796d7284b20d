import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-RT4WFXTV.js";
import "./chunk-PXDEXXOK.js";
import "./chunk-V2JOGQWG.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
