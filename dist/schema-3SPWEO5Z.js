import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  FAIL_ON,
  GATES,
  MAX_GLOBSTARS,
  MAX_GLOB_LENGTH,
  MAX_STARS_PER_SEGMENT,
  MAX_TIMER_MS,
  configSchema,
  defaultConfig,
  defaultTarget,
  targetSchema
} from "./chunk-52QRXJXJ.js";
import "./chunk-C4QXHSQT.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  FAIL_ON,
  GATES,
  MAX_GLOBSTARS,
  MAX_GLOB_LENGTH,
  MAX_STARS_PER_SEGMENT,
  MAX_TIMER_MS,
  configSchema,
  defaultConfig,
  defaultTarget,
  targetSchema
};
