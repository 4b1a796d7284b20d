import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-SICTD76Z.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-KY46WTE5.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-MNGSRDY3.js";
import {
  SCANNERS
} from "./chunk-TAQSK6PT.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-MIBNUXR3.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
