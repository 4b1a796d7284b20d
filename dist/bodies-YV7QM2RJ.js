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
} from "./chunk-EBSNIDE3.js";
import "./chunk-6ZG5HRRK.js";
import "./chunk-M6JAG3LF.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-QYKWEJ7R.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
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
