import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-D4R7TUWV.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-B2K3X7XH.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-5R5XR2S3.js";
import "./chunk-BQEEBJSW.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-2IDWYKLQ.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
