import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-SBIULCA5.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JYIZGSAU.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-MAUF5CP4.js";
import {
  SCANNERS
} from "./chunk-MLI4KYCR.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-GLRBVPZV.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
