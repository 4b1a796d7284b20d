// ASP.NET Core web projects and the configuration production loads, read as
// the default host builder reads it (learn.microsoft.com/aspnet/core/fundamentals/configuration,
// "Default application configuration sources"): `appsettings.json`, then
// `appsettings.{Environment}.json`, then environment variables (`__` is the
// `:` separator, `Jwt__Key` → `Jwt:Key`), a later source winning; keys compare
// case-insensitively. The environment is `ASPNETCORE_ENVIRONMENT` (or
// `DOTNET_ENVIRONMENT`) as a production deployment file sets it, and
// `Production` when nothing sets it: the framework's own default
// (learn.microsoft.com/aspnet/core/fundamentals/environments).

import { posix } from 'node:path';
import type { FileSet } from '../../repo/fileset.js';
import type { ParsedFiles } from '../../parse/parsed.js';
import { parseJsoncLeaves } from '../../parse/jsonc.js';
import type { FileRoles } from '../roles.js';
import { deploymentAssignments, mayRunInProduction, type EnvAssignment } from './deploy-env.js';

export interface AspNetSetting {
  /** `ConnectionStrings:Default`, as written. */
  key: string;
  value: string | number | boolean | null;
  path: string;
  line: number;
  /** Set again by the deployment's environment (`Jwt__Key`): the committed value does not run. */
  overriddenBy?: { name: string; path: string; line: number };
}

export interface AspNetProject {
  /** The .csproj file. */
  project: string;
  dir: string;
  environment: string;
  /** How the environment was decided, for messages. */
  environmentFrom: string;
  /** The deployment's ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT), when a production file sets it. */
  environmentSetting?: EnvAssignment;
  /** The appsettings files read, in load order. */
  files: string[];
  settings: AspNetSetting[];
  get(key: string): AspNetSetting | undefined;
  unreadable: Array<{ path: string; line: number; message: string }>;
  /** C# sources of the project and the projects it references (transitively), outside bin/ and obj/, generated code (migrations, designer files) left out. */
  sources: string[];
  /** URLs the deployment serves on (`ASPNETCORE_URLS`, `ASPNETCORE_HTTP_PORTS`), when it sets them. */
  urls?: EnvAssignment;
  /** A Kestrel certificate the deployment gives (`ASPNETCORE_Kestrel__Certificates__Default__Path`): the application terminates TLS. */
  certificate?: EnvAssignment;
}

export interface AspNetModel {
  projects: AspNetProject[];
}

const WEB_SDK = /<Project\s+Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"/;

export async function aspnetModel(files: FileSet, parsed: ParsedFiles, roles: FileRoles): Promise<AspNetModel> {
  const csprojs = files.files.map((f) => f.path).filter((p) => p.endsWith('.csproj'));
  if (!csprojs.length) return { projects: [] };
  // Environment variable names (`ASPNETCORE_URLS`, `Jwt__Key`), not the lower-case keys of the YAML around them (`image:`).
  const env = await deploymentAssignments(files, roles, (name) => /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && /[A-Z]|__/.test(name));
  const projects: AspNetProject[] = [];
  const owned = ownedSources(files, csprojs);
  for (const project of csprojs) {
    const text = (await files.read(project)) ?? '';
    // A test project's manifest declares tests (`Api.IntegrationTest.csproj`).
    if (!WEB_SDK.test(text) || /tests?\b/i.test(posix.basename(project))) continue;
    projects.push(await readProject(files, parsed, project, csprojs, env, owned));
  }
  return { projects };
}

/**
 * The `appsettings.{Environment}.json` files of each project that production
 * does not load (ASP.NET Core reads `appsettings.json` and the file of the
 * environment it runs in only), with why: a value there runs only in that
 * other environment.
 */
export function appsettingsOutsideProduction(model: AspNetModel, files: FileSet): Map<string, string> {
  const out = new Map<string, string>();
  for (const project of model.projects) {
    const prefix = project.dir ? `${project.dir}/` : '';
    for (const f of files.files) {
      if (!f.path.startsWith(prefix) || f.path.slice(prefix.length).includes('/')) continue;
      const other = /^appsettings\.([^.]+)\.json$/i.exec(f.path.slice(prefix.length))?.[1];
      if (other === undefined || project.files.includes(f.path)) continue;
      out.set(f.path, `ASP.NET Core loads ${f.path.slice(prefix.length)} only in the ${other} environment, and production runs ${project.environment} (${project.environmentFrom})`);
    }
  }
  return out;
}

const dirOf = (path: string): string => (posix.dirname(path) === '.' ? '' : posix.dirname(path));
const inDir = (path: string, dir: string): boolean => dir === '' || path.startsWith(`${dir}/`);

async function readProject(files: FileSet, parsed: ParsedFiles, project: string, csprojs: string[], env: EnvAssignment[], owned: Map<string, string[]>): Promise<AspNetProject> {
  const dir = dirOf(project);
  // The deployment of this project: assignments in files of its folder first (its Dockerfile), then any.
  // Its deployment: files of its own folder (its Dockerfile) first, then files of no other project's folder (a root compose file).
  const otherDirs = csprojs.map(dirOf).filter((d) => d !== '' && d !== dir && !inDir(project, d));
  const ours = (a: EnvAssignment): boolean => inDir(a.path, dir) || !otherDirs.some((d) => inDir(a.path, d));
  const near = (a: EnvAssignment): number => Number(!inDir(a.path, dir)) * 2 + Number(a.role !== 'production');
  const production = env.filter((a) => mayRunInProduction(a) && ours(a)).sort((a, b) => near(a) - near(b));
  const envSetting = production.find((a) => /^(ASPNETCORE|DOTNET)_ENVIRONMENT$/.test(a.name) && !/\$/.test(a.value));
  const environment = envSetting?.value || 'Production';
  const environmentFrom = envSetting
    ? `${envSetting.name}=${envSetting.value} in ${envSetting.path}:${envSetting.line}`
    : 'Production: no production deployment file sets ASPNETCORE_ENVIRONMENT, and Production is ASP.NET Core\'s default';
  const paths = [`appsettings.json`, `appsettings.${environment}.json`].map((n) => (dir ? `${dir}/${n}` : n)).filter((p) => files.has(p));
  const unreadable: AspNetProject['unreadable'] = [];
  const effective = new Map<string, AspNetSetting>();
  for (const path of paths) {
    const result = await parsed.memo('jsonc', path, (t) => parseJsoncLeaves(t));
    if (!result) continue;
    if (!result.ok) {
      unreadable.push({ path, line: result.line, message: result.message });
      continue;
    }
    for (const leaf of result.leaves) effective.set(leaf.key.toLowerCase(), { ...leaf, path });
  }
  // Environment variables override: `Jwt__Key` (and the `:` form some hosts allow).
  for (const a of production) {
    const key = a.name.replace(/__/g, ':').toLowerCase();
    const s = effective.get(key);
    if (s && !s.overriddenBy) effective.set(key, { ...s, overriddenBy: { name: a.name, path: a.path, line: a.line } });
  }
  const urls = production.find((a) => /^(ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS|ASPNETCORE_HTTPS_PORTS|DOTNET_URLS|URLS)$/.test(a.name));
  const certificate = production.find((a) => /^ASPNETCORE_Kestrel__Certificates__\w+__Path$/i.test(a.name));
  return {
    project,
    dir,
    environment,
    environmentFrom,
    environmentSetting: envSetting,
    files: paths,
    settings: [...effective.values()],
    get: (key) => effective.get(key.toLowerCase()),
    unreadable,
    sources: await sourcesOf(files, project, csprojs, owned),
    urls,
    certificate,
  };
}

// Generated code never builds the request pipeline: EF Core migrations and their snapshots, designer and source-generator output.
const GENERATED_CODE = /(^|\/)Migrations\/|\.(Designer|g|g\.i|generated)\.cs$/;

/** C# files by the project that owns them: the nearest folder above them holding a .csproj (outside bin/ and obj/). */
function ownedSources(files: FileSet, csprojs: string[]): Map<string, string[]> {
  const projectOfDir = new Map(csprojs.map((c) => [dirOf(c), c] as const));
  const owned = new Map<string, string[]>();
  for (const { path } of files.files) {
    if (!path.endsWith('.cs') || /(^|\/)(bin|obj)\//.test(path) || GENERATED_CODE.test(path)) continue;
    for (let dir = dirOf(path); ; dir = dirOf(dir)) {
      const owner = projectOfDir.get(dir);
      if (owner) {
        owned.set(owner, [...(owned.get(owner) ?? []), path]);
        break;
      }
      if (dir === '') break;
    }
  }
  return owned;
}

/** C# files of a project and of the projects it references (`<ProjectReference>`, transitively). */
async function sourcesOf(files: FileSet, project: string, csprojs: string[], owned: Map<string, string[]>): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [project];
  while (queue.length && seen.size < 50) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const text = (await files.read(p)) ?? '';
    for (const m of text.matchAll(/<ProjectReference\s+Include\s*=\s*"([^"]+)"/g)) {
      const target = posix.normalize(posix.join(dirOf(p), m[1]!.replace(/\\/g, '/')));
      if (csprojs.includes(target)) queue.push(target);
    }
  }
  return [...seen].flatMap((p) => owned.get(p) ?? []);
}

/** How the ASP.NET Core checks read the configuration, for docs/checks.md. */
export const ASPNET_RESOLUTION_DOC = [
  'ASP.NET Core settings are judged as the default host would load them in production (Microsoft Learn, "Configuration in ASP.NET Core" and "Use multiple environments"):',
  '',
  '- **Which projects.** Every `.csproj` with `Sdk="Microsoft.NET.Sdk.Web"` (Razor and Blazor WebAssembly SDKs too) whose name does not say test; its code is the `.cs` files of its folder and of the projects it references (`<ProjectReference>`, transitively), outside `bin/` and `obj/`.',
  '- **Which environment.** `ASPNETCORE_ENVIRONMENT` (or `DOTNET_ENVIRONMENT`) as a production deployment file sets it (files of the project\'s own folder first, such as its Dockerfile, then files of no other project\'s folder; a file of unknown role after a production one), else `Production`, ASP.NET Core\'s own default; failing findings say which.',
  '- **Which values.** `appsettings.json`, then `appsettings.{Environment}.json`, read as the JSON configuration provider reads them (comments and trailing commas allowed, keys case-insensitive, arrays by index); then the environment variables of the deployment, which override a key (`Jwt__Key` → `Jwt:Key`). `appsettings.Development.json` and other environments\' files are not loaded in production. A file that does not parse is an `error` for the checks that read settings.',
  '- **Which code runs in production.** A call is development-only when it sits, at any depth, in an `if` whose condition is only `IsDevelopment()`/`IsEnvironment("Development"|"QA"|...)` tests, in the `else` of an `if (!env.IsDevelopment())`, or in a `#if DEBUG` region; a condition with another alternative (`IsDevelopment() || selfHosted`) may hold in production.',
].join('\n');
