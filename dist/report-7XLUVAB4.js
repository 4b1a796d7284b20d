import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  FORMATS,
  render,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText
} from "./chunk-H7FTIRAF.js";
import "./chunk-M6JAG3LF.js";
import {
  buildReport,
  countFailingP0,
  headline
} from "./chunk-BKALYANK.js";
import "./chunk-K6HXOV2S.js";
import "./chunk-WIDV6RBC.js";
import "./chunk-7FI7UYSE.js";
export {
  FORMATS,
  buildReport,
  countFailingP0,
  headline,
  render,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText
};
