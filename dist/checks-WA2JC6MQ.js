import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  ALL_CHECKS
} from "./chunk-FOMDWNSW.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-DLM67ULK.js";
import "./chunk-Z5FVXEL4.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-B5SEIR3M.js";
import {
  SCANNERS
} from "./chunk-V7OAI4WI.js";
import "./chunk-KVWJ4RJW.js";
import "./chunk-FLLM5WIA.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-7FI7UYSE.js";
export {
  ALL_CHECKS,
  SCANNERS
};
