import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { AUTH_SWITCHES_DOC, authTurnedOff } from '../../model/auth-switches.js';
import { describeSpringSetting, settingText } from '../../model/frameworks/spring.js';
import { isComposeFile } from '../../repo/classify.js';
import { mapLimited } from '../../repo/limit.js';
import { profileNote, locationOf } from '../spring/common.js';

// Configuration files read line by line. Spring Boot's application*.yml/.properties are judged through the
// Spring model instead (profiles and the deployment's environment decide what runs).
const CONFIG = /\.(properties|ya?ml|toml|ini|cfg|conf|env)$|(^|\/)\.env(\.[\w-]+)?$/i;
const SPRING_CONFIG = /(^|\/)src\/main\/resources\/(config\/)?application(-[\w.-]+)?\.(ya?ml|properties)$/;
// Files that are not the application's configuration: CI, Kubernetes and Helm templates, lockfiles, editor settings.
const NOT_APP_CONFIG = /^\.github\/|(^|\/)(templates|\.circleci|\.vscode|\.idea|node_modules)\/|(^|\/)(pnpm-lock|yarn\.lock|\.pre-commit-config|mkdocs|codecov|dependabot|\.golangci|\.gitlab-ci)\b/i;
const MENTIONS = /auth|secur|login/i;
// Log and trace stores whose `auth_enabled` turns multi-tenancy (the X-Scope-OrgID header) on, not a login.
const TENANCY_SWITCH_FILE = /(^|\/)[^/]*(loki|mimir|cortex|tempo)[^/]*\.ya?ml$/i;
const MAX_LINES = 20_000;

export const authDisabledInConfig: RepoCheck = {
  id: 'auth.disabled-in-config',
  title: 'The shipped configuration does not turn the application\'s authentication off',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each setting of a configuration file production loads (properties, YAML, TOML, INI, HOCON-style `.conf`, env files; Spring Boot settings as the profiles production runs resolve them) that switches the application\'s own authentication off: `nacos.core.auth.enabled=false`, `security.enabled: false`, `AUTH_MODE=none`, `DISABLE_AUTH=true`. ' + AUTH_SWITCHES_DOC,
    why: 'A product that ships with its login off is open to whoever reaches its port, and self-hosted installs keep the shipped configuration: its data and its admin functions (configuration, users, plugins that run code) are anyone\'s.',
    fix: 'Ship authentication on, and let an operator turn it off knowingly (an explicit setting, a warning at start); or refuse to listen beyond loopback while it is off.',
    severityNote: 'P0 in production files (SEVERITY.md: an unauthenticated admin surface in the production configuration); by file role, as every deployment check: at most P1 where nothing shows production loads the file, P2 in development files.',
  },
  async run(ctx) {
    const findings: FindingInput[] = [...(await springSwitches(ctx))];
    const paths = ctx.files.files
      .map((f) => f.path)
      .filter((p) => CONFIG.test(p) && !SPRING_CONFIG.test(p) && !isComposeFile(p) && !NOT_APP_CONFIG.test(p) && !TENANCY_SWITCH_FILE.test(p) && ctx.model.roles.isDeployed(p));
    const perFile = await mapLimited(paths, ctx.parsed.scanConcurrency, async (path) => {
      const text = await ctx.files.read(path);
      return text && MENTIONS.test(text) ? switchesIn(path, text) : [];
    });
    for (const found of perFile) findings.push(...found);
    if (!findings.length) return [{ status: 'pass', message: `No configuration production may load turns the application's authentication off (${paths.length} file(s) read, and the Spring Boot settings).` }];
    return findings;
  },
};

async function springSwitches(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const { apps } = await ctx.model.spring();
  const out: FindingInput[] = [];
  for (const app of apps) {
    for (const setting of app.settings) {
      const text = settingText(setting);
      const says = text === undefined ? undefined : authTurnedOff(setting.key, text);
      if (says) out.push({ status: 'fail', message: `${describeSpringSetting(setting)} ${says} in the configuration production loads: anyone who reaches the application is let in. ${profileNote(app)}`, location: locationOf(setting) });
    }
  }
  return out;
}

/** The settings of one configuration file that switch authentication off, with their lines (pure). */
export function switchesIn(path: string, text: string): FindingInput[] {
  const out: FindingInput[] = [];
  for (const { key, value, line } of /\.ya?ml$/i.test(path) ? yamlLeaves(text) : flatSettings(text)) {
    const says = authTurnedOff(key, value);
    if (says) out.push({ status: 'fail', message: `\`${key}\` = \`${value.slice(0, 40)}\` at ${path}:${line} ${says}: anyone who reaches the application is let in.`, location: { path, line } });
  }
  return out;
}

interface Leaf {
  key: string;
  value: string;
  line: number;
}

/** `key = value` and `key: value` lines, under the `[section]` above them (INI, TOML, properties, env, HOCON dotted keys). */
function* flatSettings(text: string): Generator<Leaf> {
  let section = '';
  const lines = text.split('\n', MAX_LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 500);
    if (/^\s*([#;!]|\/\/|$)/.test(line)) continue;
    const header = /^\s*\[+\s*([\w.-]+)\s*\]+\s*$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (m) yield { key: section ? `${section}.${m[1]}` : m[1]!, value: m[2]!.replace(/\s+[#;].*$/, ''), line: i + 1 };
  }
}

const LIST = '\u0000list';

/** Scalar leaves of a YAML file's mappings by indentation, as dotted keys (list entries and block scalars skipped). */
function* yamlLeaves(text: string): Generator<Leaf> {
  const stack: Array<{ indent: number; key: string }> = [];
  const lines = text.split('\n', MAX_LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 500);
    if (/^\s*(#|$)/.test(line) || /^(---|\.\.\.)/.test(line)) continue;
    // A list item opens an entry of a collection (search engines, upstreams): its keys configure that entry, not
    // the application, and are not read.
    const item = /^(\s*)-(\s|$)/.exec(line);
    if (item) {
      while (stack.length && stack[stack.length - 1]!.indent >= item[1]!.length) stack.pop();
      stack.push({ indent: item[1]!.length, key: LIST });
      continue;
    }
    const m = /^(\s*)(["']?)([\w.-]+)\2\s*:(?:\s+(.*?))?\s*$/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (stack.some((s) => s.key === LIST)) continue;
    const value = (m[4] ?? '').replace(/\s+#.*$/, '');
    if (value === '' || value === '|' || value === '>' || /^[|>][-+]?$/.test(value) || value.startsWith('&')) {
      stack.push({ indent, key: m[3]! });
      continue;
    }
    yield { key: [...stack.map((s) => s.key), m[3]!].join('.'), value, line: i + 1 };
  }
}
