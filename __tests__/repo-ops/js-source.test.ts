// Comment and literal blanking for the Node pattern checks, on the Lezer
// JavaScript grammar: offsets and lines kept, comments gone, and the shapes
// that derailed the hand-written scanner (a `/*` inside a regex literal, JSX
// text with an apostrophe, TypeScript generics) read right.

import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { nodeChecks } from '../../src/checks/node/index.js';
import { blankJsSource, jsDialect } from '../../src/parse/js-source.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

describe('blankJsSource', () => {
  it('blanks comments, keeps strings, lines and length', () => {
    const src = "const a = 'x // not a comment'; // gone\n/* gone\n   too */ const b = `t ${c /* gone */} u`;\n";
    const out = blankJsSource(src);
    expect(out.length).toBe(src.length);
    expect(out.split('\n').length).toBe(src.split('\n').length);
    expect(out).toContain("'x // not a comment'");
    expect(out).not.toMatch(/gone/);
    expect(out).toContain('const b = `t ${c');
  });

  it('blanks the text of strings, templates and regex literals with strings: true, delimiters kept', () => {
    const out = blankJsSource("f('cors(', \"x\", `y${z}`, /cors\\(/g);", { strings: true });
    expect(out).toBe("f('     ', \" \", `     `, /      /g);");
  });

  it('a regex literal holding /* does not swallow the code after it', () => {
    const src = "const glob = /^\\/*/;\napp.use(cors({ origin: true }));\n/* a later comment */\n";
    expect(blankJsSource(src)).toContain('app.use(cors({ origin: true }));');
  });

  it('reads JSX text with an apostrophe and TypeScript generic arrows by dialect', () => {
    expect(jsDialect('src/App.jsx')).toBe('jsx');
    expect(jsDialect('src/app.ts')).toBe('ts');
    expect(jsDialect('src/App.tsx')).toBe('ts jsx');
    expect(blankJsSource("const v = <p>Don't</p>; // gone\nconst s = 'kept';\n", { path: 'a.jsx' })).toContain("const s = 'kept';");
    expect(blankJsSource("const id = <T>(x: T): T => x; // gone\nconst s = 'kept';\n", { path: 'a.ts' })).toBe("const id = <T>(x: T): T => x;        \nconst s = 'kept';\n");
  });
});

describe('node.cors after a regex literal holding /* (flawed and clean twins)', () => {
  const files = (origin: string) => ({
    'package.json': '{\n  "name": "api",\n  "main": "server.js",\n  "dependencies": {\n    "express": "^4.19.0",\n    "cors": "^2.8.5"\n  }\n}\n',
    'server.js': `const express = require('express');\nconst cors = require('cors');\nconst STATIC = /^\\/*static/;\nconst app = express();\napp.use(cors({ origin: ${origin}, credentials: true }));\n/* routes */\n`,
  });
  const audit = async (f: Record<string, string>) => {
    const repo = makeRepo(f);
    repos.push(repo);
    return runChecks(nodeChecks, { repo: repo.root });
  };

  it('finds the reflective CORS the old scanner hid inside a fake comment', async () => {
    const cors = of(await audit(files('true')), 'node.cors');
    expect(cors.map((f) => `${f.status} ${f.location?.path}:${f.location?.line}`)).toEqual(['fail server.js:5']);
  });

  it('passes the clean twin', async () => {
    const cors = of(await audit(files("['https://app.example.com']")), 'node.cors');
    expect(cors.map((f) => f.status)).toEqual(['pass']);
  });
});
