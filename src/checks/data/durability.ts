import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { datastoreOf, imageOf, serviceCommand, type ComposeService, type Datastore } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from '../compose/common.js';
import { checkContainers, containerLabel, pointAt } from '../k8s/common.js';

/**
 * A datastore setting that trades crash safety for speed, as the engine's own
 * manual describes it. `corrupts`: a host crash or power loss can leave the
 * data unrecoverable (P0 on a production datastore); otherwise the last
 * committed transactions may be lost while the data stays consistent (P2).
 */
interface DurabilitySwitch {
  engines: readonly Datastore[];
  /** The setting's name, with `_` (MySQL also reads it with `-`). */
  name: string;
  /** The values that switch durability off. */
  off: RegExp;
  corrupts: boolean;
  /** The engine's manual, quoted or closely paraphrased. */
  manual: string;
}

const MYSQL: readonly Datastore[] = ['mysql', 'mariadb'];

// Knowledge as data: one line per setting, with what the engine's manual says of it.
export const DURABILITY_SWITCHES: readonly DurabilitySwitch[] = [
  { engines: ['postgres'], name: 'fsync', off: /^(off|false|no|0)$/i, corrupts: true, manual: 'PostgreSQL manual (fsync): "turning off fsync … might result in unrecoverable data corruption" after an operating system crash or power failure' },
  { engines: ['postgres'], name: 'full_page_writes', off: /^(off|false|no|0)$/i, corrupts: true, manual: 'PostgreSQL manual (full_page_writes): turning it off "might lead to either unrecoverable data corruption, or silent data corruption, after a system failure"' },
  { engines: ['postgres'], name: 'synchronous_commit', off: /^(off|false|no|0)$/i, corrupts: false, manual: 'PostgreSQL manual (synchronous_commit): with it off a crash may lose the last transactions reported committed, but "does not create any risk of database inconsistency"' },
  { engines: MYSQL, name: 'innodb_doublewrite', off: /^(off|false|0)$/i, corrupts: true, manual: 'MySQL manual (innodb_doublewrite): without the doublewrite buffer a page torn by a crash mid-write cannot be recovered' },
  { engines: MYSQL, name: 'innodb_flush_log_at_trx_commit', off: /^[02]$/, corrupts: false, manual: 'MySQL manual (innodb_flush_log_at_trx_commit): with 0 or 2, "transactions for which logs have not been flushed can be lost in a crash" (about a second)' },
  { engines: ['mongo'], name: 'nojournal', off: /^(true|on|1|)$/i, corrupts: true, manual: 'MongoDB manual (--nojournal): without the journal, a crash between checkpoints can leave the data files unrecoverable; mongod must be repaired or resynced' },
];

interface Found {
  setting: DurabilitySwitch;
  value: string;
}

/**
 * The durability switches a server command line turns off:
 * `postgres -c fsync=off`, `--full_page_writes=off`, `mysqld --innodb-doublewrite=0`,
 * `--skip-innodb-doublewrite`, `mongod --nojournal`.
 */
export function switchesInCommand(engine: Datastore, words: readonly string[]): Found[] {
  const out: Found[] = [];
  const note = (name: string, value: string): void => {
    const setting = DURABILITY_SWITCHES.find((s) => s.engines.includes(engine) && s.name === name.replace(/-/g, '_').toLowerCase());
    if (setting && setting.off.test(value.trim().replace(/^["']|["']$/g, ''))) out.push({ setting, value });
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-c' && words[i + 1]) {
      const [name, ...value] = words[i + 1]!.split('=');
      note(name!, value.join('='));
      i++;
      continue;
    }
    const skip = /^--skip-([\w-]+)$/.exec(word);
    if (skip) {
      note(skip[1]!, '0');
      continue;
    }
    const option = /^--?([\w-]+)(?:=(.*))?$/.exec(word);
    if (option) note(option[1]!, option[2] ?? '');
  }
  return out;
}

/** `name = value` lines of a postgresql.conf or my.cnf (comments stripped; `-` and `_` alike). */
export function switchesInConfig(engine: Datastore, text: string): Array<Found & { line: number }> {
  const out: Array<Found & { line: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z][\w-]*)\s*(?:=\s*([^#\n]*?))?\s*(?:#.*)?$/.exec(lines[i]!.slice(0, 500));
    if (!m) continue;
    const name = m[1]!.replace(/^skip[-_]/i, '');
    const value = m[1]!.toLowerCase().startsWith('skip') ? '0' : (m[2] ?? '');
    for (const f of switchesInCommand(engine, [`--${name}=${value}`])) out.push({ ...f, line: i + 1 });
  }
  return out;
}

/** The words of a command line: a compose command, Kubernetes command and args (list or string syntax). */
function words(...parts: unknown[]): string[] {
  return parts.flat().filter((c) => c !== undefined && c !== null).map(String).join(' ').split(/\s+/).filter(Boolean);
}

/** One finding per place: every switch it turns off, at the severity of the worst. */
function finding(found: readonly Found[], where: string, at: Pick<FindingInput, 'location' | 'file'>): FindingInput[] {
  if (!found.length) return [];
  const shown = (f: Found): string => (f.value === '' ? f.setting.name : `${f.setting.name}=${f.value}`);
  const corrupting = found.filter((f) => f.setting.corrupts);
  const losing = found.filter((f) => !f.setting.corrupts);
  const parts: string[] = [];
  if (corrupting.length) parts.push(`${corrupting.map(shown).join(', ')}: a host crash or power loss can corrupt its data beyond repair (${corrupting.map((f) => f.setting.manual).join('; ')})`);
  if (losing.length) parts.push(`${losing.map(shown).join(', ')}: a crash loses the last committed transactions, though the data stays consistent (${losing.map((f) => f.setting.manual).join('; ')})`);
  return [
    {
      status: 'fail',
      severity: corrupting.length ? 'P0' : 'P2',
      message: `${where} runs with ${parts.join('; and ')}.${corrupting.length ? '' : ' P2: decide it knowingly.'}`,
      ...at,
      remediation: `Remove ${found.map(shown).join(', ')} from the production datastore; if set for speed in tests, keep it in the test configuration only${losing.length && !corrupting.length ? ', or say beside it why losing the last transactions on a crash is acceptable' : ''}.`,
    },
  ];
}

const CONFIG_FILE: Array<[RegExp, Datastore]> = [
  [/(^|\/)postgresql[\w.-]*\.conf$/i, 'postgres'],
  [/(^|\/)(my|mysqld|mariadb|server)[\w.-]*\.cnf$/i, 'mysql'],
  [/(^|\/)(mysql|mariadb)[\w./-]*\/[\w.-]+\.cnf$/i, 'mysql'],
  [/(^|\/)mongod[\w.-]*\.conf$/i, 'mongo'],
];

async function configFileFindings(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const file of ctx.files.files) {
    const engine = CONFIG_FILE.find(([re]) => re.test(file.path))?.[1];
    if (!engine) continue;
    const text = await ctx.files.read(file.path);
    if (text === undefined) continue;
    // mongod.conf is YAML (`storage: journal: enabled: false`).
    const found = engine === 'mongo' ? (/^\s*enabled\s*:\s*false\b/m.test(text) && /journal\s*:/.test(text) ? [{ setting: DURABILITY_SWITCHES.find((s) => s.name === 'nojournal')!, value: '', line: text.split('\n').findIndex((l) => /^\s*enabled\s*:\s*false\b/.test(l)) + 1 }] : []) : switchesInConfig(engine, text);
    for (const f of found) out.push(...finding([f], `The ${engine} configuration ${file.path}`, { location: { path: file.path, line: f.line } }));
  }
  return out;
}

export const dataDurability: RepoCheck = {
  id: 'data.durability',
  title: 'Datastores keep their crash safety',
  category: 'reliability',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when a datastore of the deployment runs with its crash safety switched off, on its command line (compose `command:`, Kubernetes `command`/`args`) or in a configuration file of the repository (postgresql.conf, my.cnf, mongod.conf): PostgreSQL `fsync=off` or `full_page_writes=off`, MySQL/MariaDB `innodb_doublewrite=0` (or `--skip-innodb-doublewrite`), MongoDB `--nojournal`. PostgreSQL `synchronous_commit=off` and MySQL `innodb_flush_log_at_trx_commit=0|2` lose the last transactions but not consistency: P2.',
    why: 'These switches are what test suites use to run faster. In production, one host crash or power loss can leave the database unrecoverable: the PostgreSQL manual says turning off fsync "might result in unrecoverable data corruption", and the same holds for full_page_writes, InnoDB\'s doublewrite buffer and MongoDB\'s journal.',
    fix: 'Remove the switch from the production datastore (keep it in the test compose or CI service only).',
    snippets: [{ stack: 'Compose', code: 'services:\n  db:\n    image: postgres:16\n    # not: command: postgres -c fsync=off -c full_page_writes=off' }],
    severityNote: 'P0 for switches that can corrupt the data (fsync, full_page_writes, innodb_doublewrite, nojournal) on a production datastore; P2 for those that lose only the last transactions (synchronous_commit, innodb_flush_log_at_trx_commit). The file\'s role weighs as for every deployment check: a development compose is P2, a test one is left to the tests.',
  },
  async run(ctx) {
    const compose = await checkComposeServices(ctx, {
      looked: 'the durability settings of datastore services',
      applies: (service: ComposeService) => {
        const engine = datastoreOf(imageOf(service));
        return engine === 'postgres' || engine === 'mysql' || engine === 'mariadb' || engine === 'mongo';
      },
      visit(service) {
        const engine = datastoreOf(imageOf(service))!;
        const found = switchesInCommand(engine, words(serviceCommand(service)));
        return finding(found, serviceLabel(service), { location: service.locate(['command']) });
      },
    });
    const kubernetes = await checkContainers(ctx, {
      looked: 'the durability settings of datastore containers',
      applies: (container) => {
        const engine = datastoreOf(typeof container.spec.image === 'string' ? container.spec.image : undefined);
        return engine === 'postgres' || engine === 'mysql' || engine === 'mariadb' || engine === 'mongo';
      },
      visit(container, workload) {
        const engine = datastoreOf(container.spec.image as string)!;
        const found = switchesInCommand(engine, words(container.spec.command, container.spec.args));
        return finding(found, containerLabel(container, workload), pointAt(container.locate(['args'])));
      },
    });
    const files = await configFileFindings(ctx);
    const failing = [...compose, ...kubernetes, ...files].filter((f) => f.status === 'fail' || f.status === 'error');
    if (failing.length) return failing;
    return [{ status: 'pass', message: 'No datastore of the repository runs with fsync, full_page_writes, the InnoDB doublewrite buffer or the MongoDB journal switched off.' }];
  },
};
