import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/report/escape.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function visibleControls(text) {
  return text.replace(/\t/g, " ").replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function terminalText(text) {
  return visibleControls(text);
}
function markdownCode(text) {
  const content = visibleControls(text);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(content) || /^ +$/.test(content) && content.length > 0 ? " " : "";
  return `${fence}${pad}${content || " "}${pad}${fence}`;
}
function markdownText(text) {
  return visibleControls(text).split(/((?:https?|ftp):\/\/\S*[^\s.,:;!?)'"]|\bwww\.\S*[^\s.,:;!?)'"])/i).map((part, i) => i % 2 ? markdownCode(part) : proseEscape(part)).join("");
}
function proseEscape(text) {
  return text.replace(/[\\`*_[\]!|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+\-=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, "@\u200B");
}
function markdownMessage(text) {
  const parts = visibleControls(text).split(/`([^`]+)`/);
  return parts.map((part, i) => i % 2 ? markdownCode(part) : markdownText(part)).join("");
}

export {
  terminalText,
  markdownCode,
  markdownText,
  markdownMessage
};
