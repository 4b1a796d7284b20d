// The house rules of src/, checked by `npm run lint` (dependency-cruiser):
// data flows one way, config -> collect -> model -> checks -> score -> report,
// and every import runs down these floors, type-only imports included. A new
// folder gets a floor here before it gets code. docs/architecture.md shows
// the picture generated from the code (`npm run architecture`).

/** Bottom to top: a floor imports only floors below it (and itself). */
const FLOORS = [
  ['core', '^src/core/'], // shared vocabulary: severities, findings, roles, errors, redaction, version
  ['repo', '^src/repo/'], // listing and reading files, the worker pool
  ['parse', '^src/parse/'], // pure readers of file formats (compose, Dockerfile, Python, YAML...)
  ['model', '^src/model/'], // what every check needs to know about the repository, computed once
  ['config', '^src/config/'], // the user's configuration, validated
  ['http', '^src/http/'], // the bounded, counted HTTP client and what it collects from a target
  ['engine', '^src/engine/'], // runs checks: concurrency, budgets, policy, scoring, the gate
  ['report', '^src/report/'], // renders a result: text, markdown, JSON, SARIF, escaping
  ['checks', '^src/checks/'], // the checks, one module each, a folder per family
  ['github', '^src/github/'], // the Action's publishing: check run, comment, summary
  ['commands', '^src/(audit|roles|start)\\.ts$'], // what the entry points do
  ['entries', '^src/(cli|main|exit)\\.ts$'], // the CLI and the Action
  ['index', '^src/index\\.ts$'],
];

const upward = FLOORS.flatMap(([name, path], i) => {
  const above = FLOORS.slice(i + 1).map(([, p]) => p);
  if (!above.length) return [];
  return [
    {
      name: `${name}-imports-only-down`,
      comment: `${name} may import only the floors below it (.dependency-cruiser.cjs lists them).`,
      severity: 'error',
      from: { path },
      to: { path: above.join('|') },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'every-file-has-a-floor',
      comment: 'A source file outside every floor: give its folder a floor in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: FLOORS.map(([, p]) => p).join('|') },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports are dependencies too: a type cycle is still a cycle in how the code reads.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
