import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-OZDHFCXN.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-KDHVX4WA.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-KL4KV6DU.js";
import "./chunk-HVONVLPO.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-4YSXRXC5.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
