import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-B7XVHD3A.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-YJWJTAVA.js";
import "./chunk-NJYD3CZP.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-KFXIWZCX.js";
import {
  SCANNERS
} from "./chunk-6TVDQPXI.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-2WIICREV.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
