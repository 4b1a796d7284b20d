import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-FB6ZYYD7.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-2F2MQ5GS.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-N6HHUWU5.js";
import {
  SCANNERS
} from "./chunk-GSHGWSKY.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-JXMJTFRU.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
