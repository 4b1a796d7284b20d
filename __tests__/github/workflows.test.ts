// The workflows users copy must use the Action as action.yml declares it:
// every `with:` key an input, every `steps.<id>.outputs.<name>` an output; and
// every input the code reads is declared. Covers docs/examples, this
// repository's workflows and the YAML snippets of README.md.

import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const INPUTS = Object.keys(action.inputs);
const OUTPUTS = Object.keys(action.outputs);

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

function workflows(): Array<{ name: string; text: string }> {
  const files = [
    ...readdirSync(join(ROOT, 'docs/examples')).map((f) => join('docs/examples', f)),
    ...readdirSync(join(ROOT, '.github/workflows')).map((f) => join('.github/workflows', f)),
  ].filter((f) => f.endsWith('.yml'));
  const snippets = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({ name: `README.md snippet ${i + 1}`, text: m[1]! }));
  return [...files.map((f) => ({ name: f, text: readFileSync(join(ROOT, f), 'utf8') })), ...snippets];
}

function isOurs(uses: string | undefined): boolean {
  return uses === './' || (uses?.startsWith('readiness-gate/readiness-gate@') ?? false);
}

describe('workflows using the Action', () => {
  const all = workflows();

  it('include the examples the docs promise', () => {
    expect(all.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'docs/examples/pull-request.yml',
        'docs/examples/release-branch.yml',
        'docs/examples/nightly.yml',
        'docs/examples/fork-audit.yml',
        'docs/examples/fork-report.yml',
        'docs/examples/reusable-readiness.yml',
        'docs/examples/call-reusable.yml',
        'docs/examples/preview-deployment.yml',
        'docs/examples/gate-new.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/self-test.yml',
      ]),
    );
  });

  it('run the pull-request gate in the merge queue too (a required check would block it otherwise)', () => {
    const gate = all.find((w) => w.name === 'docs/examples/pull-request.yml')!;
    expect(Object.keys((parse(gate.text) as { on: Record<string, unknown> }).on)).toEqual(expect.arrayContaining(['pull_request', 'merge_group']));
  });

  it('audit preview deployments on deployment_status, successful ones only, and gate: new with the merge base fetched', () => {
    const preview = parse(all.find((w) => w.name === 'docs/examples/preview-deployment.yml')!.text) as { on: unknown; jobs: Record<string, { if?: string }> };
    expect(preview.on).toBe('deployment_status');
    expect(Object.values(preview.jobs)[0]!.if).toBe("github.event.deployment_status.state == 'success'");
    const gateNew = all.find((w) => w.name === 'docs/examples/gate-new.yml')!.text;
    expect(gateNew).toMatch(/fetch-depth: 0/);
    expect(gateNew).toMatch(/gate: new/);
  });

  it.each(all.map((w) => [w.name, w.text]))('%s passes only declared inputs and reads only declared outputs', (_name, text) => {
    const doc = parse(text) as { jobs?: Record<string, { steps?: Step[] }> } | Step[] | null;
    // A snippet may be a bare list of steps.
    const jobs = Array.isArray(doc) ? [{ steps: doc }] : Object.values(doc?.jobs ?? {});
    for (const job of jobs) {
      const gates = (job.steps ?? []).filter((s) => isOurs(s.uses));
      for (const step of gates) expect(INPUTS).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
      for (const step of gates.filter((s) => s.id)) {
        for (const m of text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))) expect(OUTPUTS).toContain(m[1]);
      }
    }
  });

  it('the snippets and examples grant what they publish with', () => {
    for (const { name, text } of all) {
      if (!/readiness-gate\/readiness-gate@|uses: \.\//.test(text) || /github-token: ''/.test(text)) continue;
      if (/mode: report/.test(text) || /uses: \.\//.test(text) || /pull_request/.test(text)) expect([name, /checks: write/.test(text)]).toEqual([name, true]);
      if (/issue: true/.test(text)) expect([name, /issues: write/.test(text)]).toEqual([name, true]);
      if (/upload-sarif/.test(text)) expect([name, /security-events: write/.test(text)]).toEqual([name, true]);
    }
  });
});

describe('action.yml', () => {
  it('declares every input the Action reads', () => {
    const main = readFileSync(join(ROOT, 'src/main.ts'), 'utf8');
    const read = [...main.matchAll(/(?:getInput|listInput|oneOf)\('([\w-]+)'/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(10);
    expect(INPUTS).toEqual(expect.arrayContaining(read));
  });

  it('declares the outputs the issue promises', () => {
    expect(OUTPUTS.sort()).toEqual(['check-run-url', 'comment-url', 'decision', 'p0-failures', 'report-json', 'sarif', 'score']);
  });
});
