import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);

// src/model/policy.ts
var CAP_BY_ROLE = {
  production: void 0,
  development: "P2",
  unknown: "P1",
  test: void 0,
  docs: void 0,
  example: void 0,
  template: void 0,
  tooling: void 0
};
var JUDGED_ROLES = /* @__PURE__ */ new Set(["production", "development", "unknown"]);
var ONE_LEVEL_DOWN = { P0: "P1", P1: "P2", P2: "P2" };
function severityForRole(policy, role, severity, productionOnly = false) {
  if (policy !== "deployment") return { judged: true, severity, capped: false };
  if (!JUDGED_ROLES.has(role)) return { judged: false };
  if (productionOnly && role === "unknown") return { judged: true, severity: ONE_LEVEL_DOWN[severity], capped: severity !== "P2" };
  const cap = CAP_BY_ROLE[role];
  if (cap && severity < cap) return { judged: true, severity: cap, capped: true };
  return { judged: true, severity, capped: false };
}
var ROLE_POLICY_DOC = [
  "| role | deployment checks (default) | secrets.hardcoded |",
  "| --- | --- | --- |",
  "| production | full severity | every rule, P0 |",
  "| unknown (no evidence either way) | at most P1; one level down for checks whose problem exists only where production runs the file (marked *production only*) | credentials by format (provider tokens, private keys), P0; the guessing rules, P1 |",
  "| development | at most P2 | every rule, P0 |",
  "| test | not judged | provider-specific credentials only (AWS, GitHub, Stripe live, Google, Slack, private keys...), P0 |",
  "| docs | not judged | provider-specific credentials only, P0 |",
  "| example | not judged | provider-specific credentials only, P0 |",
  "| template | not judged | provider-specific credentials only, P0 |",
  "| tooling | not judged | provider-specific credentials only, P0 |"
].join("\n");

export {
  severityForRole,
  ROLE_POLICY_DOC
};
