// Key material, data files and named Dockerfiles by who uses them. A private key or a database
// dump that no rule, deployment or image decided is unknown, and a key by
// format or committed data is P0 wherever it is; but one whose every user is
// a test suite, a development stack or an example is that suite's fixture
// (SEVERITY.md: "values a test or fixture shows to be fake"), and a reviewer
// reads it so: the dump a migration test loads, the PKI of an e2e suite. The users
// are the files that name it (its file name, as configs, compose files and
// code do), looked for near it: under the folder two levels up, where a suite
// keeps its configs beside its `pki/` folder, and at the repository root.

import { posix } from 'node:path';
import type { FileSet } from '../repo/fileset.js';
import { isDockerfile } from '../repo/classify.js';
import { mapLimited, READ_CONCURRENCY } from '../repo/limit.js';
import { UNKNOWN_ROLE, type FileRoles, type RoleInfo } from './roles.js';
import type { FileRole } from '../core/role.js';

/** Files that hold key material or data by their name: PEM keys and certificates, keystores, JWKs, SSH keys; dumps and database files. */
export const FIXTURE_FILE = /\.(pem|key|crt|cer|p12|pfx|jks|keystore|jwk|der|ppk|sql|dump|db|sqlite3?|bak)(\.gz)?$|(^|\/)id_(rsa|ecdsa|ed25519|dsa)$|[-_.](host|private|signing)[-_]key$/i;
const MAX_USER_BYTES = 512 * 1024;
const MAX_USERS_READ = 2000;
// The roles a fixture's users can have, narrowest first: the key takes the first one any user has.
const NON_PRODUCTION: readonly FileRole[] = ['test', 'development', 'example', 'docs', 'tooling', 'template'];

/**
 * A Dockerfile no build of the repository decided, with a name of its own (`Dockerfile.multistage`,
 * `sshd.Dockerfile`): the files that name it say what its image is for (netbird's e2e harness builds
 * `combined/Dockerfile.multistage`, round 12). A bare `Dockerfile` is named by everything and told nothing by it.
 */
function isNamedDockerfile(path: string): boolean {
  return isDockerfile(path) && !/^(Dockerfile|Containerfile)$/i.test(posix.basename(path));
}

/** Where a key's users are looked for: the folder two levels above its own (`suites/` for `suites/common/pki/k.pem`). */
function homeOf(key: string): string {
  return posix.dirname(posix.dirname(posix.dirname(key)));
}

/**
 * For key files still unknown: the role their users share, when every file
 * that names them is a test, development, example, docs, tooling or template
 * file (`evidence:used-by-<role>`). A key named by a production or unknown file,
 * or by nothing, stays as it was.
 */
export async function fixtureUserRoles(files: FileSet, roles: FileRoles): Promise<Map<string, RoleInfo>> {
  const out = new Map<string, RoleInfo>();
  const keys = files.files.map((f) => f.path).filter((p) => (FIXTURE_FILE.test(p) || isNamedDockerfile(p)) && roles.of(p) === UNKNOWN_ROLE);
  if (!keys.length) return out;
  const byName = new Map<string, string[]>();
  for (const key of keys) byName.set(posix.basename(key), [...(byName.get(posix.basename(key)) ?? []), key]);
  // Candidate users: text files near a key (two folders up) or at the root, that are not keys themselves.
  const near = new Set(keys.map(homeOf));
  const candidates = files.files
    .filter((f) => f.size <= MAX_USER_BYTES && !FIXTURE_FILE.test(f.path))
    .filter((f) => !f.path.includes('/') || [...near].some((dir) => dir === '.' || f.path.startsWith(`${dir}/`)))
    .slice(0, MAX_USERS_READ);
  const names = [...byName.keys()];
  const users = new Map<string, Set<FileRole>>(keys.map((k) => [k, new Set()]));
  await mapLimited(candidates, READ_CONCURRENCY, async (f) => {
    const text = await files.read(f.path);
    if (!text) return;
    for (const name of names) {
      if (!text.includes(name)) continue;
      for (const key of byName.get(name)!) {
        // A same-named key elsewhere is another key: the user must be under the key's own neighbourhood.
        const home = homeOf(key);
        if (home === '.' || f.path.startsWith(`${home}/`) || !f.path.includes('/')) users.get(key)!.add(roles.of(f.path).role);
      }
    }
  });
  for (const [key, seen] of users) {
    if (!seen.size || [...seen].some((r) => !NON_PRODUCTION.includes(r))) continue;
    const role = NON_PRODUCTION.find((r) => seen.has(r))!;
    const what = isNamedDockerfile(key) ? 'an image' : 'material';
    out.set(key, { role, reason: `every file that names it is a ${[...seen].join(' or ')} file: ${what} of that ${role === 'test' ? 'suite' : 'setup'}`, rule: `evidence:used-by-${role}` });
  }
  return out;
}
