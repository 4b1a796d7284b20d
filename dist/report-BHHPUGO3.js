import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  buildReport,
  countFailingP0,
  cutMessage,
  existingFailures,
  failing,
  groupByCheck,
  headline,
  messageAfterWhere,
  severityWhy,
  severityWhyParts,
  whereOf
} from "./chunk-QYKWEJ7R.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  buildReport,
  countFailingP0,
  cutMessage,
  existingFailures,
  failing,
  groupByCheck,
  headline,
  messageAfterWhere,
  severityWhy,
  severityWhyParts,
  whereOf
};
