import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  closest,
  editDistance
} from "./chunk-TKC4N4VZ.js";
import "./chunk-7FI7UYSE.js";
export {
  closest,
  editDistance
};
