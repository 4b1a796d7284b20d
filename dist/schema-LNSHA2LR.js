import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  DEFAULT_RAMP_STAGES,
  FAIL_ON,
  GATES,
  MAX_GLOBSTARS,
  MAX_GLOB_LENGTH,
  MAX_LOAD_CONCURRENCY,
  MAX_STARS_PER_SEGMENT,
  MAX_TIMER_MS,
  configSchema,
  defaultConfig,
  defaultTarget,
  targetSchema
} from "./chunk-YILMZW3C.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-ECORDGMP.js";
import "./chunk-7FI7UYSE.js";
export {
  DEFAULT_RAMP_STAGES,
  FAIL_ON,
  GATES,
  MAX_GLOBSTARS,
  MAX_GLOB_LENGTH,
  MAX_LOAD_CONCURRENCY,
  MAX_STARS_PER_SEGMENT,
  MAX_TIMER_MS,
  configSchema,
  defaultConfig,
  defaultTarget,
  targetSchema
};
