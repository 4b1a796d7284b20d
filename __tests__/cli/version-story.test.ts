// One version story (issue 23): package.json says X.Y.Z; the release workflow tags vX.Y.Z and moves the major tag vX;
// every `uses: readiness-gate/readiness-gate@…` a user copies names that major tag; every link to the docs names the
// release vX.Y.Z (as reports do, report/links.ts); every install command a user is given names a path that exists
// without a registry publication: the release's tarball or the GitHub tag.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDocsUrl } from '../../src/report/links.js';
import { VERSION } from '../../src/core/version.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const version = (JSON.parse(read('package.json')) as { version: string }).version;
const major = `v${version.split('.')[0]}`;

const texts = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs/examples')).map((f) => `docs/examples/${f}`),
  ...readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
].map((path) => ({ path, text: read(path) }));

describe('the version story', () => {
  it('package.json, src/core/version.ts and the reports agree', () => {
    expect(VERSION).toBe(version);
    expect(checkDocsUrl('headers.hsts')).toContain(`/blob/v${version}/docs/checks.md#headers.hsts`.replace('headers.hsts', 'headershsts'));
  });

  it(`every workflow a user copies uses the major tag the release workflow moves (${major})`, () => {
    const tags = texts.flatMap(({ path, text }) => [...text.matchAll(/readiness-gate\/readiness-gate@([\w.-]+)/g)].map((m) => `${path}: ${m[1]}`));
    expect(tags.length).toBeGreaterThan(5);
    expect(tags.filter((t) => !t.endsWith(`: ${major}`))).toEqual([]);
    const release = read('.github/workflows/release.yml');
    // It moves `${TAG%%.*}`, the major tag of the pushed vX.Y.Z, and says so with the same name.
    expect(release).toContain('major="${TAG%%.*}"');
    expect(release).toContain(`readiness-gate/readiness-gate@${major}`);
  });

  it(`every docs link names the release v${version}`, () => {
    const links = texts.flatMap(({ path, text }) => [...text.matchAll(/readiness-gate\/readiness-gate\/blob\/(v[\w.-]+)\//g)].map((m) => `${path}: ${m[1]}`));
    expect(links.filter((l) => !l.endsWith(`: v${version}`))).toEqual([]);
  });

  it('the README gives install paths that need no registry publication, and the release workflow makes them', () => {
    const readme = read('README.md');
    expect(readme).not.toMatch(/npx readiness-gate\b/);
    expect(readme).toContain(`npm install --global https://github.com/readiness-gate/readiness-gate/releases/download/v${version}/readiness-gate-${version}.tgz`);
    expect(readme).toContain(`npm install --global github:readiness-gate/readiness-gate#v${version}`);
    const release = read('.github/workflows/release.yml');
    // The tarball the README names is attached to the release.
    expect(release).toMatch(/npm pack\b/);
    expect(release).toMatch(/gh release create "\$TAG"[^\n]*readiness-gate-\$\{?version\}?\.tgz/);
  });
});
