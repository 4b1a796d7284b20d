import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-5OTJX5OY.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-UPUS6VOH.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-KK5RHMPV.js";
import {
  SCANNERS
} from "./chunk-JAL3JILZ.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-JXMJTFRU.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
