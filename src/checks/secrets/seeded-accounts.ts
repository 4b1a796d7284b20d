// Seeded accounts, pure: text in, the admin-like or first accounts whose password a file fixes out. Run by
// secrets.default-account through the scan pool (checks/scanners.ts), so a large tree is read in worker threads.

import { classifySecretValue, isLocationValue, isPasswordHash } from '../../model/values.js';
import { lineOfOffset, lineStartOffsets } from '../../parse/lines.js';
import { sourceLanguage } from '../../repo/classify.js';
import { isTranslationCatalogue } from './rules.js';

// Where a seeded account lives: SQL init scripts and dumps, fixtures (Django JSON/YAML, Liquibase CSV), and
// the code of the languages the repository model reads (plus C#, whose Identity seeders are the classic case).
const SEED_DATA = /\.(sql|json|ya?ml|csv)$/i;
const EXTRA_SOURCE = /\.cs$/i;
// Prefilter: a file without a password word, a hash prefix or an account-creating call holds no seeded account.
export const MAY_HOLD_PASSWORD = /pass|\$2[abxy]?\$|pbkdf2|\$argon2|(?:user|account|owner|admin)\s*\(|CreateAsync/i;
/** At most this many accounts are reported per file: a dump of users is one problem, not a thousand. */
export const MAX_PER_FILE = 5;
/** And at most this many candidate passwords are judged per file: each reads up to a few thousand characters around it. */
const MAX_CANDIDATES = 500;
/** How far (characters) a record is looked for around a password, and how much text before it is read for the account's name and a "no user yet" condition. */
const RECORD_REACH = 2000;
const BEFORE_REACH = 800;

// One-way hashes as they appear inside files (quoted or not): ASP.NET Core Identity v3, bcrypt, Django's PBKDF2,
// argon2, sha-crypt, Werkzeug.
// Each token is confirmed by the shared vocabulary (isPasswordHash).
const HASH_TOKEN = /\bAQAAAA[A-Za-z0-9+/]{76}==|\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}|pbkdf2_sha(?:1|256|512)\$\d+\$[A-Za-z0-9]+\$[A-Za-z0-9+/=]+|\$argon2(?:id|i|d)\$[A-Za-z0-9=,$+/]{20,200}|\$[56]\$[./A-Za-z0-9$]{20,200}|(?:pbkdf2|scrypt):[a-z0-9]+(?::\d+)*\$[A-Za-z0-9$./+=]{10,200}/g;
// A literal handed to the framework's hasher: Laravel `bcrypt('x')`/`Hash::make('x')`, PHP `password_hash`, Django
// `make_password`/`set_password`, Werkzeug, Python bcrypt, Node bcrypt/argon2, Spring's PasswordEncoder.
const HASHED_LITERAL =
  /\b(?:bcrypt|Hash::make|password_hash|make_password|set_password|setPassword|generate_password_hash|hashpw|bcrypt(?:js)?\.hash(?:Sync)?|argon2\.hash|(?:password|passwd)?[Ee]ncoder\.encode|hash_?[Pp]assword|HashPassword)\s*\(\s*b?(["'`])([^"'`\n\\]{1,200})\1/g;
// `password: "x"`, `'password' => 'x'`, `DefaultPass: "x"`, `adminPassword = "x"`.
// Upper case too: a constant (`const DEFAULT_ADMIN_PASSWORD = 'admin123'`).
const PASSWORD_VALUE = /\b([A-Za-z_]*(?:pass(?:word|wd)?|Pass(?:word|wd)?|PASS(?:WORD|WD)?))["']?\s*(?:=>|:=|=|:)\s*b?(["'`])([^"'`\n\\]{1,200})\2/g;
// A Go struct field's default in its tag (`AdminPassword string \`... default:"Admin123!!"\``): what a config
// loader (creasty/defaults, envconfig) sets when nothing else does.
const GO_TAG_DEFAULT = /\b(\w*(?:Pass(?:word|wd)?|PASSWORD))\s+string\s+`[^`\n]{0,300}?\bdefault:"([^"\n\\]{1,200})"/g;
// A call that creates an account with literal arguments: `createAdminUser('admin', 'unleash4all')`,
// `createAccount("shiori", "gopher", true)`, `create_superuser('admin', 'a@b.c', 'x')`, `CreateAsync(user, "Pass123$")`;
// not a call that puts an existing user somewhere (`addUserToGroup(id, user.id, "member")`, `addUserRole`).
const ACCOUNT_CALL = /\b((?:create|add|ensure|seed|make|register|insert|new)_?[A-Za-z_]{0,30}?(?:user|admin|account|owner|superuser)(?![A-Za-z_]{0,20}?(?:To|From|In|Group|Role|Team|Member|Permission|Right)s?\b)[A-Za-z_]{0,20}|CreateAsync)\s*\(([^()\n]{0,300})\)/gi;
// The keyword that starts a function definition, just before its name.
const DEFINITION_BEFORE = /\b(def|function|func|fn|sub)\s+$|\bpublic\s+(static\s+)?[\w<>]+\s+$/;
// `INSERT INTO sys_user VALUES (`: a row without a column list; or with one (`INSERT INTO t(id, username, password) VALUES (`).
const VALUES_INSERT = /\binsert\s+into\s+([\w."`[\]]+)\s*(?:\(([^()]{1,1000})\)\s*)?values\s*\(/gi;
const STRING_LITERAL = /b?(["'`])([^"'`\n\\]{0,200})\1/g;
// A literal that is a value, not a key (`"is_superuser": false` names a flag, it does not say admin).
const VALUE_LITERAL = /b?(["'`])([^"'`\n\\]{0,200})\1(?!\s*(?:=>|:(?!:)))/g;

// Who is admin-like: the name, email or role says so, or the call that creates it does (`createAdminUser`).
// Letters around are excluded so `ROLE_ADMIN` and `admin@x` count and `rootDir`, `admins` do not.
const ADMIN_WORD = /(?<![a-z])(admin(?:istrator)?|root|owner|super_?user|super_?admin|sys_?admin)(?![a-z])/i;
const ADMIN_FLAG = /\b(?:is_?)?(?:super_?user|admin|superadmin|owner)["'`]?\s*(?:=>|:=|=|:)\s*(?:true|True|TRUE|1)\b/i;
// "when no account exists": the count of users is zero, the set of users is empty. A bare `count == 0` counts only
// when the text before it speaks of users or accounts (`CountAccounts()`).
const FIRST_ACCOUNT =
  /\b(?:user|account|owner)s?_?count\s*(?:===?|<)\s*[01]\b|!\s*(?:await\s+)?[\w.]*(?:user|account|owner)s?\w*\.(?:Any|any|exists|length)\b|\b(?:not|!)\s*[\w.]*(?:User|Account)\w*\.objects\.exists\(\)|(?:user|account|owner)s?\w*(?:\.\w+)*\.(?:length|size\(\)|count\(\)|Count\(\))\s*===?\s*0|(?:user|account|owner)s?\w*(?:\.\w+)*\.isEmpty\(\)|len\([\w.]*(?:user|account)s?(?!name|_name|email|pass|id\b)\w*\)\s*==\s*0|no (?:users?|accounts?|admins?) (?:exists?|yet)\b/i;
// How far above a record its first-account condition may stand (a few lines).
const FIRST_REACH = 300;
const BARE_ZERO_COUNT = /\bcount\b[^\n]{0,20}?(?:===?|<=?)\s*0\b/i;
const ACCOUNT_WORD = /user|account|owner|admin/i;
// A flag that makes the account change its password at first login, set on that record.
const FORCED_CHANGE = /(?:must|force[sd]?|requires?|needs?)_?(?:to_?)?(?:change|reset|update)_?(?:the_?)?pass(?:word)?|pass(?:word)?_?(?:change|reset|update)_?(?:required|needed|pending|on_?(?:next_?|first_?)?login)|change_?pass(?:word)?_?(?:required|on_?(?:next_?|first_?)?login)/i;
const TRUE_VALUE = /^\s*(?:["'`]?\s*(?:=>|:=|=|:)\s*)?["'`]?(?:true|t|1|yes)["'`]?\s*$/i;
// The account's name, by key: `username`, `login`, `email`, `DefaultUser`, `UserName = "alice"`.
const NAME_VALUE = /\b["']?((?:user_?name|UserName|login|email|Email|name|Name|[A-Za-z]*User(?:name)?|[a-z_]*user(?:name)?))["']?\s*(?:=>|:=|=|:)\s*(["'`])([^"'`\n\\]{1,100})\2/g;
// A record that says where to connect (`Config{User: "root", Passwd: "…", Addr: "db:3306"}`) holds a client's
// credentials for another server (secrets.hardcoded and secrets.weak-default judge those), not an account the application creates.
const CONNECTION_KEY = /\b["']?(?:host(?:name)?|port|addr(?:ess)?|database|db_?name|dsn|datasource|data_source|server|endpoint|url)["']?\s*(?:=>|:=|=|:)/i;
// Also under a prefix: `login_user_name`, `admin_email`.
const NAME_COLUMN = /^(?:[a-z]+_)?(?:user_?name|login(?:_?name)?|email|user|account|nick_?name|mail)$|^name$/i;
const ADMIN_TABLE = /(^|[._])(\w+_)?(admin|administrator|sys_?admin)s?(_(users?|accounts?))?$/i;
const ROLE_COLUMN = /role|authorit|group|type|level|rank/i;
const FLAG_COLUMN = /^(?:is_?)?(?:super_?user|admin|superadmin|owner)$/i;

export interface Seeded {
  line: number;
  /** The password literal or the hash, never shown unredacted. */
  value: string;
  hash: boolean;
  account: string | undefined;
  forced: boolean;
  firstAccount: boolean;
  /** The variable whose fallback the password is, for a shell default. */
  unlessSet?: string;
}

// Source files that create accounts say so in their path: seeders, migrations, setup and start-up code, the user
// and account services, configuration defaults, a command's entry point. Reading every module of a large tree for
// the few that do would cost a pass over all of them (and the scan pool's queue) for nothing.
const ACCOUNT_CODE_PATH = /seed|migrat|fixture|init|setup|install|bootstrap|provision|admin|user|account|owner|member|auth|identity|config|default|database|(^|\/)db\/|data|startup|program\.cs|main\.|server\.|app\.|(^|\/)cmd\/|command|task|manage|const/i;

export function mayHoldSeed(path: string): boolean {
  // A translation catalogue's values are interface text ("Change password", "Mot de passe"), never an account.
  if (isTranslationCatalogue(path)) return false;
  // EF Core's migration designer files and model snapshot describe the model the migrations build (the seed data
  // repeated); the migration itself and the HasData call inserting it are what creates the account.
  if (/(\.Designer|ModelSnapshot)\.cs$/.test(path)) return false;
  if (SEED_DATA.test(path)) return true;
  return (sourceLanguage(path) !== undefined || EXTRA_SOURCE.test(path)) && ACCOUNT_CODE_PATH.test(path);
}

/**
 * Admin-like or first accounts whose password the file fixes, at most MAX_PER_FILE. Pure: text in, accounts
 * out. Each candidate password (a hash token, a literal given to a hasher or a password key, the last
 * literal argument of an account-creating call) is judged inside its record: the innermost bracket group
 * around it (a SQL tuple, a JSON object, a PHP array, a call), with its head (the call or table name) and the
 * text before it (the account's name, a "no user yet" condition).
 */
export function seededAccounts(path: string, text: string): Seeded[] {
  const lines = lineStartOffsets(text);
  const csv = /\.csv$/i.test(path);
  const out: Seeded[] = [];
  const seenLines = new Set<number>();
  let judgedCount = 0;
  for (const candidate of candidates(text)) {
    if (out.length >= MAX_PER_FILE || ++judgedCount > MAX_CANDIDATES) break;
    const line = lineOfOffset(lines, candidate.at);
    if (seenLines.has(line)) continue;
    const kind = classifySecretValue(candidate.value);
    // Read from elsewhere (`${ADMIN_PASSWORD}`, `$HASH` an install step wrote) or left to fill in: nothing fixed.
    if (kind === 'reference' || kind === 'placeholder' || kind === 'absent') continue;
    // A password no login can match: Django's unusable-password marker (`!`, `!` + random), a locked shadow entry (`*`).
    if (/^[!*]/.test(candidate.value)) continue;
    // A route (`forgotPassword: "/api/users/forgot-password"`), a message key (`password: 'label.password'`) or
    // interface text (`ChangePassword = 'Change Password'`, a field label 'Root Password').
    if (isLocationValue(candidate.value) || isMessageKey(candidate.value) || isInterfaceText(candidate.value)) continue;
    // A commented-out line sets nothing (`# password: admin` in a configuration template).
    if (isCommentLine(text, lines, line)) continue;
    const judged = csv ? judgeCsvRow(text, lines, line, candidate) : judgeRecord(text, candidate);
    if (!judged) continue;
    seenLines.add(line);
    // A hex digest where a password goes (MD5/SHA with a salt column, RuoYi's sys_user) is a hash too.
    out.push({ line, value: candidate.value, hash: isPasswordHash(candidate.value) || /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i.test(candidate.value), ...judged });
  }
  return out;
}

/** Words separated by spaces, letters only (`Change Password`, `Root Password`): what an interface shows, not a password. */
function isInterfaceText(value: string): boolean {
  return /^[A-Za-z][a-z]*(?: [A-Za-z][a-z]*)+$/.test(value.trim());
}

/** The line starts a comment in the languages seeds are written in: `#`, `//`, `--`, `*`, `;`. */
function isCommentLine(text: string, lines: readonly number[], line: number): boolean {
  const start = lines[line - 1] ?? 0;
  return /^\s*(#|\/\/|--|\*|;)/.test(text.slice(start, start + 200));
}

/** `label.password`, `auth.form.password`: a translation or message key, dotted words with no digit. */
function isMessageKey(value: string): boolean {
  return /^[a-z][a-z_-]*(\.[a-z][a-z_-]*)+$/i.test(value);
}

interface Candidate {
  at: number;
  end: number;
  value: string;
  /** The account's name when the call that creates it gives it (`createAdminUser('admin', …)`). */
  account?: string;
  /** The call that creates the account, when the candidate is its argument. */
  call?: string;
  /** The key it is assigned to (`DEFAULT_PASSWORD`), when it is a key's value. */
  key?: string;
}

// A constant named for the password every install's first account gets: `DEFAULT_PASSWORD = "admin123"`,
// `DEFAULT_ADMIN_PASSWORD`, `INITIAL_PASSWORD`, `SUPERUSER_PASSWORD` (upper case: a module constant, not a field).
// (Nothing before it: `RABBITMQ_DEFAULT_PASS` is a broker's, `INVALID_ADMIN_PASSWORD` an error code's name.)
const DEFAULT_ACCOUNT_CONSTANT = /^(?:DEFAULT|INITIAL|FIRST|ADMIN|SUPERUSER|SUPER_USER)_(?:(?:ADMIN|USER|LOGIN|ACCOUNT)_)?(?:PASSWORD|PASSWD|PASS|PWD)$/;

function* candidates(text: string): Generator<Candidate> {
  for (const m of text.matchAll(HASH_TOKEN)) {
    if (isPasswordHash(m[0])) yield { at: m.index, end: m.index + m[0].length, value: m[0] };
  }
  // `INSERT INTO sys_user VALUES (1, 'admin', …, '29c6…', '111111', …)`: the value in the password column (of the
  // statement's column list, else of the table's CREATE TABLE): a digest, or a plain literal, whatever its shape.
  for (const m of text.matchAll(VALUES_INSERT)) {
    const columns = m[2] !== undefined ? splitOutsideQuotes(m[2]).map((c) => c.trim().replace(/^["`[]|["`\]]$/g, '')) : createdColumns(text, m[1]!);
    const index = columns?.findIndex((c) => PASSWORD_COLUMN.test(c)) ?? -1;
    if (index < 0) continue;
    const open = m.index + m[0].length - 1;
    const close = text.indexOf(')', open);
    if (close < 0 || close - open > 4000) continue;
    const values = splitOutsideQuotes(text.slice(open + 1, close));
    const value = values[index];
    const literal = value === undefined ? undefined : /^\s*'([^']{1,200})'\s*$/.exec(value)?.[1];
    if (literal === undefined) continue;
    const at = open + 1 + values.slice(0, index).reduce((n, v) => n + v.length + 1, 0) + value!.indexOf("'") + 1;
    yield { at, end: at + literal.length, value: literal };
  }
  for (const m of text.matchAll(HASHED_LITERAL)) yield { at: m.index, end: m.index + m[0].length, value: m[2]! };
  for (const m of text.matchAll(GO_TAG_DEFAULT)) yield { at: m.index + m[0].lastIndexOf(m[2]!), end: m.index + m[0].length, value: m[2]! };
  for (const m of text.matchAll(PASSWORD_VALUE)) {
    // `ok ? "pass" : "fail"` is a ternary, not a key.
    if (/\?\s*["'`]?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (/confirm|hash|salt|field|column|label|placeholder|policy|length|regex|message|reset|old|current|new/i.test(m[1]!)) continue;
    // A password named for demo or test accounts (`DEMO_PASSWORD`): the throwaway logins of a demo mode, not an admin's.
    if (/demo|test|example|sample|fake|dummy/i.test(m[1]!)) continue;
    // A translation catalogue's entry is its key written out (`"ldap_bind_password": "LDAP Bind Password"`): a label;
    // an enum or option constant's value is its own name (`INVALID_PASSWORD = "invalid_password"`,
    // `OPT_ADMIN_PASSWORD = 'admin-password'`): a code or an option's name.
    if (labelOfKey(m[1]!, m[3]!) || nameOfKey(m[1]!, m[3]!)) continue;
    yield { at: m.index, end: m.index + m[0].length, value: m[3]!, key: m[1]! };
  }
  for (const m of text.matchAll(ACCOUNT_CALL)) {
    // A definition (`def createsuperuser(context, user="admin")`): its defaults are parameters, nothing is created.
    if (DEFINITION_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // A keyword argument names what it passes: only a password-named one (`password="x"`) can be the password.
    const keywordOf = (at: number): string | undefined => /(\w+)\s*=\s*b?$/.exec(m[2]!.slice(Math.max(0, at - 40), at))?.[1];
    const args = [...m[2]!.matchAll(STRING_LITERAL)]
      .filter((s) => {
        const keyword = keywordOf(s.index);
        return keyword === undefined || /pass/i.test(keyword);
      })
      .map((s) => ({ value: s[2]!, at: m.index + m[0].indexOf('(') + 1 + s.index }));
    const last = args[args.length - 1];
    if (!last) continue;
    // One literal is a password only when it is not the first argument (`CreateAsync(user, "…")`); `createUser("admin")` names.
    const firstArgIsLiteral = /^\s*b?["'`]/.test(m[2]!);
    if (args.length === 1 && firstArgIsLiteral) continue;
    if (last.value.includes('@') || /^(true|false)$/i.test(last.value)) continue;
    yield { at: last.at, end: last.at + last.value.length + 2, value: last.value, account: args.length > 1 ? args[0]!.value : undefined, call: m[1] };
  }
}

/** A name's letters and digits, lower-cased: what two spellings of one name share (`ADMIN_PASSWORD`, 'admin-password'). */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a value spells the end of its key's name, in any case and separators (`ADMIN_PASSWORD` = 'admin-password'). */
function nameOfKey(key: string, value: string): boolean {
  const v = letters(value);
  return v.length >= 6 && /pass/.test(v) && letters(key).endsWith(v);
}

/**
 * Whether a value is its key's words written for people (`ldap_bind_password` -> "LDAP Bind Password",
 * `adminPassword` -> "Admin password"): the same letters once case and separators are left out.
 */
export function labelOfKey(key: string, value: string): boolean {
  // Written for people: words with a space, or one capitalised word ("Password"); `password: "password"` is a value.
  return (/\s/.test(value.trim()) || /^[A-Z][a-z]/.test(value)) && letters(value).length > 0 && letters(key).endsWith(letters(value));
}

type Judged = Pick<Seeded, 'account' | 'forced' | 'firstAccount'>;

/** The record around a candidate in code, SQL, JSON or YAML, judged: undefined when the account is neither admin-like nor first. */
function judgeRecord(text: string, candidate: Candidate): Judged | undefined {
  const record = enclosingGroup(text, candidate.at, candidate.end);
  const head = text.slice(Math.max(0, record.from - 120), record.from);
  const before = text.slice(Math.max(0, record.from - BEFORE_REACH), record.from);
  const body = text.slice(record.from, record.to);
  const sql = sqlRow(text, record, head);
  if (!sql && CONNECTION_KEY.test(body)) return undefined;
  // Every literal of the record but the password itself (by position: `DefaultUser: "admin", DefaultPass: "admin"`).
  const literals = [...body.matchAll(VALUE_LITERAL)].filter((s) => record.from + s.index + s[0].length <= candidate.at || record.from + s.index >= candidate.end).map((s) => s[2]!);
  const account = sql?.account ?? candidate.account ?? nameIn(body) ?? lastNameIn(before);
  const admin =
    sql?.admin ??
    ((candidate.key !== undefined && DEFAULT_ACCOUNT_CONSTANT.test(candidate.key) && classifySecretValue(candidate.value) !== 'flag') ||
      literals.some((v) => ADMIN_WORD.test(v)) || ADMIN_FLAG.test(body) || (candidate.call !== undefined && ADMIN_WORD.test(candidate.call)) || (account !== undefined && ADMIN_WORD.test(account)));
  // The condition that makes it the first account guards the record itself: a few lines above it, not an
  // earlier function's `if (props.userList.length === 0) return;`.
  const context = text.slice(Math.max(0, record.from - FIRST_REACH), record.from) + head;
  const firstAccount = !admin && (FIRST_ACCOUNT.test(context) || (BARE_ZERO_COUNT.test(context) && ACCOUNT_WORD.test(context)));
  if (!admin && !firstAccount) return undefined;
  return { account, forced: sql?.forced ?? forcedIn(body), firstAccount };
}

/** A Liquibase/JHipster CSV row: columns by the header line (`;` or `,` separated). */
function judgeCsvRow(text: string, lines: readonly number[], line: number, candidate: Candidate): Judged | undefined {
  const header = text.slice(0, (lines[1] ?? text.length + 1) - 1);
  const row = text.slice(lines[line - 1]!, (lines[line] ?? text.length + 1) - 1);
  const separator = header.includes(';') ? ';' : ',';
  const judged = judgeColumns(header.split(separator), row.split(separator), candidate.value);
  if (!judged?.admin) return undefined;
  return { account: judged.account, forced: judged.forced, firstAccount: false };
}

interface ColumnVerdict {
  account: string | undefined;
  admin: boolean;
  forced: boolean;
}

function judgeColumns(columns: readonly string[], values: readonly string[], password: string): ColumnVerdict | undefined {
  if (columns.length !== values.length) return undefined;
  const clean = (s: string) => s.trim().replace(/^["'`[]|["'`\]]$/g, '');
  const named = columns.map((c, i) => ({ column: clean(c), value: clean(values[i]!) }));
  const account = named.find((c) => NAME_COLUMN.test(c.column) && c.value && c.value !== password)?.value;
  const admin =
    (account !== undefined && ADMIN_WORD.test(account)) ||
    named.some((c) => (ROLE_COLUMN.test(c.column) && ADMIN_WORD.test(c.value)) || (FLAG_COLUMN.test(c.column) && TRUE_VALUE.test(c.value)));
  const forced = named.some((c) => FORCED_CHANGE.test(c.column) && TRUE_VALUE.test(c.value));
  return { account, admin, forced };
}

/** `INSERT INTO t (a, b, c) VALUES (…)`: the tuple judged by its column names, when the record is such a tuple. */
function sqlRow(text: string, record: { from: number; to: number }, head: string): ColumnVerdict | undefined {
  if (text[record.from] !== '(') return undefined;
  const start = Math.max(0, record.from - RECORD_REACH);
  const window = text.slice(start, record.from);
  const insert = window.lastIndexOf('INSERT') >= 0 ? window.lastIndexOf('INSERT') : window.toLowerCase().lastIndexOf('insert');
  if (insert < 0 || !/values|\),\s*$/i.test(head + window.slice(-40))) return undefined;
  const statement = window.slice(insert);
  const listed = /^insert\s+into\s+[\w."`[\]]+\s*\(([^()]{1,1000})\)\s*values/i.exec(statement)?.[1];
  // `INSERT INTO sys_user VALUES (…)`: the columns are those the file's own CREATE TABLE gives, in order.
  const table = listed ? undefined : /^insert\s+into\s+([\w."`[\]]+)\s+values\b/i.exec(statement)?.[1];
  const columns = listed ? splitOutsideQuotes(listed) : table ? createdColumns(text, table) : undefined;
  if (!columns) return undefined;
  const verdict = judgeColumns(columns, splitOutsideQuotes(text.slice(record.from + 1, record.to - 1)), '');
  // A table of administrators by its name (`tb_mall_admin_user`, `sys_admin`): every row is an admin account.
  const into = /^insert\s+into\s+([\w."`[\]]+)/i.exec(statement)?.[1] ?? '';
  return verdict && ADMIN_TABLE.test(into.replace(/["`[\]]/g, '')) ? { ...verdict, admin: true } : (verdict ?? undefined);
}

const createdColumnsMemo = new Map<string, string[] | undefined>();
let createdColumnsText: string | undefined;

/**
 * The column names of `CREATE TABLE <table> (…)` in the same text, in order (constraints and keys left out), or
 * undefined. Memoised per text and table: a seed script inserts many rows into one table.
 */
export function createdColumns(text: string, table: string): string[] | undefined {
  if (createdColumnsText !== text) {
    createdColumnsText = text;
    createdColumnsMemo.clear();
  }
  const name = table.replace(/["`[\]]/g, '').split('.').pop()!.toLowerCase();
  if (createdColumnsMemo.has(name)) return createdColumnsMemo.get(name);
  const create = new RegExp(`create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:[\\w"\`]+\\.)?["\`\\[]?${name.replace(/[^\w]/g, '')}["\`\\]]?\\s*\\(`, 'i').exec(text);
  let columns: string[] | undefined;
  if (create) {
    columns = [];
    let depth = 1;
    let i = create.index + create[0].length;
    let part = '';
    const end = Math.min(text.length, i + 20_000);
    for (; i < end && depth > 0; i++) {
      const ch = text[i]!;
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if ((ch === ',' && depth === 1) || depth === 0) {
        const column = /^\s*["`[]?([A-Za-z_]\w*)["`\]]?\s+\w/.exec(part.replace(/--[^\n]*/g, ''))?.[1];
        if (column && !/^(primary|key|unique|constraint|index|foreign|check|fulltext|spatial)$/i.test(column)) columns.push(column);
        part = '';
      } else part += ch;
    }
    if (!columns.length || depth > 0) columns = undefined;
  }
  createdColumnsMemo.set(name, columns);
  return columns;
}

// A column that holds the password, or its digest beside a salt column (`password`, `passwd`, `user_pass`).
// `password`, `user_pass`, `login_password` (a mall's admin table, round 15), `password_hash`, `pwd`.
const PASSWORD_COLUMN = /^(?:[a-z]+_?)?pass(?:word|wd)?(?:_?(?:hash|digest|md5))?$|^pwd$/i;

function splitOutsideQuotes(list: string): string[] {
  const out: string[] = [];
  let quote = '';
  let current = '';
  for (const ch of list) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === ',') {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/**
 * The innermost `(…)`, `{…}` or `[…]` around [at, end), within RECORD_REACH characters; brackets inside the
 * candidate are skipped. Without one (YAML, a flat config), the six lines on each side.
 */
function enclosingGroup(text: string, at: number, end: number): { from: number; to: number } {
  const open = '({[';
  const close = ')}]';
  let depth = 0;
  let from = -1;
  for (let i = at - 1; i >= Math.max(0, at - RECORD_REACH); i--) {
    const ch = text[i]!;
    if (close.includes(ch)) depth++;
    else if (open.includes(ch)) {
      if (depth === 0) {
        from = i;
        break;
      }
      depth--;
    }
  }
  if (from >= 0) {
    depth = 0;
    for (let i = end; i < Math.min(text.length, end + RECORD_REACH); i++) {
      const ch = text[i]!;
      if (open.includes(ch)) depth++;
      else if (close.includes(ch)) {
        if (depth === 0) return { from, to: i + 1 };
        depth--;
      }
    }
  }
  let lineFrom = at;
  for (let n = 0; n < 7 && lineFrom > 0; n++) lineFrom = text.lastIndexOf('\n', lineFrom - 1);
  let lineTo = end;
  for (let n = 0; n < 6 && lineTo >= 0 && lineTo < text.length; n++) lineTo = text.indexOf('\n', lineTo + 1);
  return { from: Math.max(0, lineFrom), to: lineTo < 0 ? text.length : lineTo };
}

/** The account's name in the record: a user name or login first, then an email, then a display name. */
function nameIn(body: string): string | undefined {
  let best: { rank: number; name: string } | undefined;
  for (const m of body.matchAll(NAME_VALUE)) {
    const key = m[1]!;
    if (/pass/i.test(key)) continue;
    const rank = /user_?name|login/i.test(key) ? 0 : /mail/i.test(key) ? 1 : /user/i.test(key) ? 2 : 3;
    if (!best || rank < best.rank) best = { rank, name: m[3]! };
  }
  return best?.name;
}

/** The name given on the last line before the record that gives one (`new ApplicationUser { UserName = "alice" }` before `CreateAsync(user, "…")`). */
function lastNameIn(before: string): string | undefined {
  const lines = before.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const name = nameIn(lines[i]!);
    if (name !== undefined) return name;
  }
  return undefined;
}

function forcedIn(body: string): boolean {
  const m = FORCED_CHANGE.exec(body);
  if (!m) return false;
  return /^["'`]?\s*(?:=>|:=|=|:)\s*(?:true|True|TRUE|1)\b/.test(body.slice(m.index + m[0].length, m.index + m[0].length + 20).replace(/^[A-Za-z_]*/, ''));
}

