import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
} from "./chunk-HM4KEG5J.js";
import "./chunk-3AKZ4ECQ.js";
import "./chunk-GODI3ZQN.js";
import "./chunk-XBI6GLLU.js";
import "./chunk-LJSTQBDB.js";
import "./chunk-OJO7EBQW.js";
import "./chunk-UTYR6EJ4.js";
import "./chunk-D4XJSKMV.js";
import "./chunk-JWXGXOVI.js";
import "./chunk-GZDOTGWF.js";
import "./chunk-O7PHBJO4.js";
import "./chunk-MIYDDCIY.js";
import "./chunk-DS5CEOVX.js";
import "./chunk-NRBKPN45.js";
import "./chunk-TKC4N4VZ.js";
import "./chunk-OZHRLOY6.js";
import "./chunk-3QW3PGZE.js";
import "./chunk-IPINS2T6.js";
import "./chunk-LUZYIFWP.js";
import "./chunk-DMVRJMIN.js";
import "./chunk-A77QEYQZ.js";
import "./chunk-7FI7UYSE.js";
export {
  audit,
  readPreviousCapacity,
  resolveRepoRoot,
  resolveTargets
};
