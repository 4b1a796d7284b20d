import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-7VYZEZEK.js";
import "./chunk-JLGLD2BD.js";
import "./chunk-GLHJTSUE.js";
import "./chunk-6HG74QJZ.js";
import "./chunk-5PQQ7YRQ.js";
import "./chunk-Q75EJDGM.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-G7WN52ET.js";
import "./chunk-CVZD6SLR.js";
import "./chunk-BKALYANK.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  resolveRepoRoot,
  resolveTargets
};
