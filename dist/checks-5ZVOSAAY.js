import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-ISO2YZLM.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JANCEJGW.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-WJ6LKLAP.js";
import {
  SCANNERS
} from "./chunk-O7PHBJO4.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-VE7Y2MBA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
