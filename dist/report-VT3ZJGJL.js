import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  FORMATS,
  render,
  renderJson,
  renderSarif,
  renderText
} from "./chunk-YSOHSLLR.js";
import {
  renderMarkdown
} from "./chunk-6ZG5HRRK.js";
import "./chunk-M6JAG3LF.js";
import "./chunk-TCBNDKNB.js";
import "./chunk-JWXGXOVI.js";
import {
  buildReport,
  countFailingP0,
  headline
} from "./chunk-QYKWEJ7R.js";
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
