import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-CUY5SFQ7.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-MGTJRXQF.js";
import "./chunk-U6INHFWQ.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QQ74WBPV.js";
import {
  SCANNERS
} from "./chunk-YMYK5D56.js";
import "./chunk-AIZIQKGO.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
