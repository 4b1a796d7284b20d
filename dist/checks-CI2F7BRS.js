import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-IWQVWB7S.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-ZPNBZNVC.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-FFSFFD3C.js";
import {
  SCANNERS
} from "./chunk-BHZKTELN.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-JXMJTFRU.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
