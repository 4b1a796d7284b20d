// Environment variables the deployment files set for the application, read
// once for the framework models: a profile or environment name
// (SPRING_PROFILES_ACTIVE, ASPNETCORE_ENVIRONMENT) and the variables that
// override committed configuration (SPRING_DATASOURCE_PASSWORD, Jwt__Key).
// Read as text, line by line, in the files a deployment is made of: compose
// files (`KEY: v`, `- KEY=v`), Dockerfiles (`ENV KEY=v`, `ENV KEY v`),
// Kubernetes manifests and Helm values (`- name: KEY` then `value: v`), env
// files, Procfiles and shell scripts (`export KEY=v`), Maven/Gradle builds that
// make the image (docker-maven-plugin, Jib), and `-Dkey=v` / `--key=v` options
// on a command line.

import type { FileSet } from '../../repo/fileset.js';
import type { FileRole } from '../role-rules.js';
import type { FileRoles } from '../roles.js';
import { IMAGE_PLUGIN, isComposeFile, isDockerfile, JVM_BUILD_FILE } from '../../repo/classify.js';

export interface EnvAssignment {
  name: string;
  /** As written, quotes removed; `${X}` stays as it is (the deployment supplies it). */
  value: string;
  path: string;
  line: number;
  role: FileRole;
}

// Env files by every common name: `.env.prod`, `prod.env`, `app.env.production` and `env.op` (1Password's `op run --env-file`).
const DEPLOYMENT_FILE = /\.(ya?ml|env|toml|sh|service|conf)$|(^|\/)(\.env[\w.-]*|env\.[\w-]+|Procfile[\w.-]*|[^/]*\.env\.[\w-]+)$/i;
// Maven and Gradle builds that make the image themselves (docker-maven-plugin's `<entryPoint>`, Jib's `jvmFlags`):
// `-Dspring.profiles.active=prod` there is what the image runs with (mall's pom.xml, round 12).
// Application configuration is what the overrides override, not a deployment.
const APPLICATION_CONFIG = /(^|\/)src\/(main|test)\/resources\/|(^|\/)appsettings[\w.-]*\.json$/i;
const MAX_BYTES = 512 * 1024;
const MAX_LINE = 4096;
const RANK: Partial<Record<FileRole, number>> = { production: 0, unknown: 1, development: 2 };

/** Whether an assignment may be what production runs with (its file is production, or of unknown role). */
export const mayRunInProduction = (a: EnvAssignment): boolean => a.role === 'production' || a.role === 'unknown';

/**
 * Every assignment of a variable `wanted` accepts in a production, unknown or development deployment file,
 * in that order: a Dockerfile nothing shows is built for production still says what its image runs with.
 */
export async function deploymentAssignments(files: FileSet, roles: FileRoles, wanted: (name: string) => boolean, mentions?: string): Promise<EnvAssignment[]> {
  const out: EnvAssignment[] = [];
  for (const file of files.files) {
    if (file.size > MAX_BYTES || APPLICATION_CONFIG.test(file.path)) continue;
    const buildFile = JVM_BUILD_FILE.test(file.path);
    if (!(isComposeFile(file.path) || isDockerfile(file.path) || DEPLOYMENT_FILE.test(file.path) || buildFile)) continue;
    const role = roles.of(file.path).role;
    if (!(role in RANK)) continue;
    const text = await files.read(file.path);
    // One variable asked for: a file that never names it is skipped before any line is read.
    if (!text || (mentions !== undefined && !text.includes(mentions))) continue;
    // A Maven or Gradle build is a deployment file only where it builds the image (its entry point, JVM flags, env).
    if (buildFile && !IMAGE_PLUGIN.test(text)) continue;
    out.push(...assignmentsIn(text, wanted).map((a) => ({ ...a, path: file.path, role })));
  }
  return out.sort((a, b) => RANK[a.role]! - RANK[b.role]!);
}

/** The assignments of one variable in the deployment files (the model memoises them per name: `RepoModel.deploymentEnv`). */
export function assignmentsOf(files: FileSet, roles: FileRoles, name: string): Promise<EnvAssignment[]> {
  return deploymentAssignments(files, roles, (n) => n === name, name);
}

// `KEY: v` (YAML) and Dockerfile `ENV KEY v`; `KEY=v` is read by the loop below.
const INLINE = /^\s*(?:ENV\s+([A-Za-z_][\w.-]*)\s+(?=[^\s=])|["']?([A-Za-z_][\w.-]*)["']?\s*:\s+)(.*)$/;

/** Pure: the assignments of wanted names in one file's text. */
export function assignmentsIn(text: string, wanted: (name: string) => boolean): Array<{ name: string; value: string; line: number }> {
  const out: Array<{ name: string; value: string; line: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    // An assignment is a short line; a minified or generated one is not read.
    if (raw.length > MAX_LINE || /^\s*#/.test(raw)) continue;
    // Kubernetes: `- name: KEY` with `value: v` on one of the next lines.
    const k8s = /^\s*-?\s*name:\s*["']?([A-Za-z_][\w.]*)["']?\s*$/.exec(raw);
    if (k8s) {
      if (!wanted(k8s[1]!)) continue;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const v = /^\s*value:\s*(.*)$/.exec(lines[j]!);
        if (v) {
          out.push({ name: k8s[1]!, value: clean(v[1]!), line: i + 1 });
          break;
        }
      }
      continue;
    }
    // Several `-Dkey=v` or `KEY=v` on one command line.
    for (const m of raw.matchAll(/(?:^|[\s"'[,])(?:export\s+|-D|--)?([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|[^\s"',\]]*)/g)) {
      if (wanted(m[1]!)) out.push({ name: m[1]!, value: clean(m[2]!), line: i + 1 });
    }
    const single = INLINE.exec(raw.replace(/^\s*-\s*/, ' '));
    const name = single?.[1] ?? single?.[2];
    if (single && name && wanted(name) && !raw.includes(`${name}=`)) out.push({ name, value: clean(single[3]!), line: i + 1 });
  }
  return out;
}

function clean(value: string): string {
  const v = value.replace(/\s+#.*$/, '').trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(v);
  return (quoted ? (quoted[1] ?? quoted[2]!) : v).trim();
}
