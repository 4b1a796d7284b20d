import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-OJO7EBQW.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-D4XJSKMV.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-GZDOTGWF.js";
import {
  SCANNERS
} from "./chunk-O7PHBJO4.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-NRBKPN45.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
