import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  FORMATS,
  render,
  renderJson,
  renderSarif,
  renderText
} from "./chunk-ED6TQEJD.js";
import {
  renderMarkdown
} from "./chunk-WWXX22LG.js";
import {
  buildReport,
  countFailingP0,
  headline
} from "./chunk-IPINS2T6.js";
import "./chunk-VNR4XD6K.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-A77QEYQZ.js";
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
