// The static Python reader for settings modules, migrations and web apps:
// src/parse/python/read.ts turns source into statements and expressions
// (ast.ts), evaluate.ts resolves them under an unset environment.

export * from './python/ast.js';
export { callsNamed, parsePythonModule, stringLiterals } from './python/read.js';
export * from './python/evaluate.js';
