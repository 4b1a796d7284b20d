// Compares the figures of load.concurrency's generator (src/http/load.ts) with
// autocannon's against the same loopback server at the same concurrency and
// request count, and prints medians and ratios. Both paths of the generator
// are measured: `send` (every request through HttpClient.send, what the check
// uses today) and `pool` (an undici Pool of its own, used once the HttpClient
// can hand out budget outside send).
//
//   node scripts/bench-load.mjs [--rounds 5] [--connections 50] [--amount 2000] [--delay-ms 10]
//
// The server runs in its own process so neither client competes with it for
// the event loop. Rounds alternate which client goes first. Traffic goes to
// 127.0.0.1 only. Latency: autocannon's own histogram (p50, p99, mean) and, for
// the same nearest-rank percentiles as ours, autocannon's per-response times
// taken from its 'response' events.
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    amount: { type: 'string', default: '2000' },
    'delay-ms': { type: 'string', default: '10' },
  },
});
const rounds = Number(args.rounds);
const connections = Number(args.connections);
const amount = Number(args.amount);
const delayMs = Number(args['delay-ms']);

const SERVER = `
const http = require('node:http');
const delay = Number(process.argv[1]);
const body = JSON.stringify({ status: 'ok', padding: 'x'.repeat(200) });
const server = http.createServer((req, res) => {
  const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  delay > 0 ? setTimeout(answer, delay) : answer();
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServerProcess() {
  const child = spawn(process.execPath, ['-e', SERVER, String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/health`, stop: () => child.kill() };
}

async function loadModules() {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-load-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { HttpClient } from ${JSON.stringify(join(process.cwd(), 'src/http/client.ts'))};
     export { runLoad, runLoadOnPool, summarizeLoad, percentile } from ${JSON.stringify(join(process.cwd(), 'src/http/load.ts'))};`,
  );
  const out = join(dir, 'bench.mjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" } });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const figures = (s) => ({ p50: s.latency.p50, p95: s.latency.p95, p99: s.latency.p99, mean: s.latency.mean, rps: s.throughput, errors: s.errors });

/** load.concurrency as it runs today: every request through HttpClient.send. */
async function viaSend(mod, url) {
  const client = mod.HttpClient.create({ connectTimeoutMs: 3000, timeoutMs: 10000, maxBodyBytes: 1 << 20, maxRequests: amount, maxRedirects: 0 });
  // Scoped with a cancellation signal exactly as the runner scopes a check's client.
  const http = client.scoped('load.concurrency', {}, new AbortController().signal);
  try {
    return figures(mod.summarizeLoad(await mod.runLoad(http, { requests: [{ url }], concurrency: connections, maxRequests: amount, durationMs: 120000 })));
  } finally {
    await client.close();
  }
}

/** The pool path (used once HttpClient offers takeRequest()), with a local budget. */
async function viaPool(mod, url) {
  let used = 0;
  const budget = { take: () => used++ < amount };
  const run = await mod.runLoadOnPool(budget, {
    requests: [{ url }],
    concurrency: connections,
    maxRequests: amount,
    durationMs: 120000,
    headers: { 'user-agent': 'readiness-gate bench', accept: '*/*' },
    connectTimeoutMs: 3000,
    timeoutMs: 10000,
  });
  return figures(mod.summarizeLoad(run));
}

async function theirs(mod, url) {
  const times = [];
  const started = performance.now();
  let last = started;
  const instance = autocannon({ url, connections, amount, timeout: 10 });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
    last = performance.now();
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    p50: mod.percentile(times, 50),
    p95: mod.percentile(times, 95),
    p99: mod.percentile(times, 99),
    mean: result.latency.mean,
    histP50: result.latency.p50,
    histP99: result.latency.p99,
    // autocannon's own duration is whole seconds at this scale: time the responses instead.
    rps: (times.length * 1000) / (last - started),
    errors: result.errors + result.non2xx,
  };
}

const mod = await loadModules();
const server = await startServerProcess();
try {
  const tools = { send: viaSend, pool: viaPool, autocannon: theirs };
  const results = { send: [], pool: [], autocannon: [] };
  // One warm-up each, not recorded: JIT and the server's first connections.
  for (const run of Object.values(tools)) await run(mod, server.url);
  const order = Object.keys(tools);
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so no tool always runs on a warmer server.
    for (const name of [...order.slice(round % 3), ...order.slice(0, round % 3)]) results[name].push(await tools[name](mod, server.url));
  }
  const fmt = (x) => x.toFixed(2).padStart(10);
  console.log(`bench-load: ${rounds} rounds, ${connections} connections, ${amount} requests each, server delay ${delayMs} ms, node ${process.version}`);
  console.log(`medians; ratio = ours / autocannon`);
  console.log(`${'metric'.padEnd(20)}${'send'.padStart(10)}${'pool'.padStart(10)}${'autocannon'.padStart(11)}${'send ratio'.padStart(11)}${'pool ratio'.padStart(11)}`);
  const rows = [
    ['p50 latency (ms)', 'p50'],
    ['p95 latency (ms)', 'p95'],
    ['p99 latency (ms)', 'p99'],
    ['mean latency (ms)', 'mean'],
    ['throughput (req/s)', 'rps'],
  ];
  const worst = { send: 0, pool: 0 };
  for (const [label, key] of rows) {
    const m = Object.fromEntries(Object.keys(results).map((name) => [name, median(results[name].map((r) => r[key]))]));
    const ratio = { send: m.send / m.autocannon, pool: m.pool / m.autocannon };
    // Judged on the figures the check reports and judges by (p50, p95, mean);
    // p99 of a few thousand samples is the slowest few dozen, scheduler noise
    // for every tool on a shared machine, so it is printed but not judged.
    if (key !== 'rps' && key !== 'p99') for (const name of ['send', 'pool']) worst[name] = Math.max(worst[name], Math.abs(ratio[name] - 1));
    console.log(`${label.padEnd(20)}${fmt(m.send)}${fmt(m.pool)}${fmt(m.autocannon).padStart(11)}${ratio.send.toFixed(3).padStart(11)}${ratio.pool.toFixed(3).padStart(11)}`);
  }
  // Little's law for a closed loop: throughput × mean latency ≈ connections
  // when no time is hidden outside the latency figures.
  const little = (rs) => median(rs.map((r) => (r.rps * r.mean) / 1000)).toFixed(1);
  console.log(`Little's law (throughput × mean latency, ≈ ${connections} when honest): send ${little(results.send)}, pool ${little(results.pool)}, autocannon ${little(results.autocannon)}`);
  console.log(`autocannon's own histogram: p50 ${median(results.autocannon.map((r) => r.histP50))} ms, p99 ${median(results.autocannon.map((r) => r.histP99))} ms`);
  console.log(`errors: send ${results.send.reduce((n, r) => n + r.errors, 0)}, pool ${results.pool.reduce((n, r) => n + r.errors, 0)}, autocannon ${results.autocannon.reduce((n, r) => n + r.errors, 0)}`);
  for (const name of ['send', 'pool']) {
    console.log(`${name}: largest difference in p50/p95/mean ${(worst[name] * 100).toFixed(1)}% (${worst[name] <= 0.1 ? 'within' : 'OUTSIDE'} 10%)`);
  }
  process.exitCode = worst.pool <= 0.1 ? 0 : 1;
} finally {
  server.stop();
}
