import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-YBW7IGFP.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-YWAWDYH3.js";
import "./chunk-N27NCIDY.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-EYJKIH4F.js";
import {
  SCANNERS
} from "./chunk-EQ2QBV77.js";
import "./chunk-XFQ67K6Z.js";
import "./chunk-2WIICREV.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
