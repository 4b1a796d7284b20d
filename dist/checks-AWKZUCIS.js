import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-UV26DSIY.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-6HHVNKLT.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-VBW66HIO.js";
import "./chunk-HVONVLPO.js";
import "./chunk-PJSTH2SU.js";
import "./chunk-SK5ADHLB.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS
};
