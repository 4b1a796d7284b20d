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
} from "./chunk-IPINS2T6.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-A77QEYQZ.js";
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
