import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-6GQYGDUE.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-5U7Q7XAO.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-VWRJTAF5.js";
import "./chunk-7U7SJXNR.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-SYVYWV2T.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
