import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  CHECK_SUMMARY_BUDGET_LINES,
  CHECK_SUMMARY_LIMIT,
  COMMENT_BODY_LIMIT,
  COMMENT_BUDGET_LINES,
  STEP_SUMMARY_LIMIT_BYTES,
  changesBetween,
  checkRunSummary,
  commentBody,
  commentMarker,
  decodeState,
  encodeState,
  failingKeys,
  fitMarkdown,
  hasChanged,
  issueBody,
  issueChangeComment,
  issueClosingComment,
  issueMarker,
  issueTitle,
  jobSummary,
  previousCapacityOfState,
  previousRunOf,
  renderChanges,
  renderedHeight,
  stateOf,
  utf8Bytes
} from "./chunk-MMD6SZQL.js";
import "./chunk-WWXX22LG.js";
import "./chunk-IPINS2T6.js";
import "./chunk-VNR4XD6K.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-7FI7UYSE.js";
export {
  CHECK_SUMMARY_BUDGET_LINES,
  CHECK_SUMMARY_LIMIT,
  COMMENT_BODY_LIMIT,
  COMMENT_BUDGET_LINES,
  STEP_SUMMARY_LIMIT_BYTES,
  changesBetween,
  checkRunSummary,
  commentBody,
  commentMarker,
  decodeState,
  encodeState,
  failingKeys,
  fitMarkdown,
  hasChanged,
  issueBody,
  issueChangeComment,
  issueClosingComment,
  issueMarker,
  issueTitle,
  jobSummary,
  previousCapacityOfState,
  previousRunOf,
  renderChanges,
  renderedHeight,
  stateOf,
  utf8Bytes
};
