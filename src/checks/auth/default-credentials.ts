import { burstPolicy } from '../../engine/bursts.js';
import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpRequest } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverEndpoints } from '../../http/endpoints.js';
import { PRODUCTS, type DefaultAccount } from '../../http/products.js';
import { incompleteProbes } from '../../http/surface.js';

const ID = 'auth.default-credentials';

const WITH_ACCOUNTS = PRODUCTS.filter((p) => p.defaultAccounts?.length).map((p) => p.name);

/** The one request that tries `account`. */
export function defaultAccountRequest(account: DefaultAccount, url: string): HttpRequest {
  const base = { url, method: account.method, withoutTargetHeaders: true, maxBodyBytes: 16 * 1024 };
  if (account.scheme === 'basic') return { ...base, headers: { authorization: `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}` } };
  const fields = { [account.fields!.username]: account.username, [account.fields!.password]: account.password };
  return account.scheme === 'json'
    ? { ...base, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) }
    : { ...base, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

export const defaultCredentials: LiveCheck = {
  id: ID,
  title: "A product's documented default account is not accepted",
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary: `Tries the documented default account of a well-known product recognised on the base page (${WITH_ACCOUNTS.join(', ')}) once, and fails when it is accepted.`,
    why: 'Default accounts are the first thing anyone tries: a management UI that still takes admin/admin or guest/guest is open to everyone who can reach it.',
    fix: 'Change or remove the default account before the service is reachable (set the admin password through the product\'s environment variables or first-run setup).',
    traffic: 'One request per default account of a recognised product; none on other targets. Sent by default only to loopback and private addresses: elsewhere only with allow-probes: true (or --allow-bursts), since a login attempt may be logged or count towards a lockout.',
  },
  async run({ exchanges, target, http }) {
    const policy = burstPolicy(target, 'probes');
    if (!policy.allowed) return [{ status: 'skip', message: `Not tried: ${policy.reason}.` }];
    const { products } = await discoverEndpoints(exchanges, target);
    const tried = products.flatMap((product) => (product.defaultAccounts ?? []).map((account) => ({ product, account })));
    if (!tried.length) return [{ status: 'skip', message: `No product with a documented default account recognised on the base page (known: ${WITH_ACCOUNTS.join(', ')}).` }];
    const results = await Promise.all(tried.map(async (t) => ({ ...t, result: await http.send(defaultAccountRequest(t.account, exchanges.url(t.account.path))) })));
    const findings: FindingInput[] = [];
    for (const { product, account, result } of results) {
      if (!result.ok || !account.accepted(result.response)) continue;
      findings.push({
        status: 'fail',
        message: `${product.name} accepts its documented default account ${account.username} / ${'*'.repeat(account.password.length)} on ${account.method} ${account.path} (answered ${result.response.status}).`,
        url: result.response.url,
        evidence: describeExchange(result.response, { headers: ['content-type', 'set-cookie'], secretHeaders: http.secretHeaderNames }),
      });
    }
    if (findings.length) return findings;
    const incomplete = incompleteProbes(results.map((r) => r.result), 'default-account');
    if (incomplete) return [incomplete];
    return [{ status: 'pass', message: `${tried.map((t) => `${t.product.name} ${t.account.username}`).join(', ')}: the default account is refused.` }];
  },
};
