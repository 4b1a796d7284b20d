import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-ZLZKWFT7.js";
import "./chunk-EALSXEHD.js";
import "./chunk-V2JOGQWG.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
