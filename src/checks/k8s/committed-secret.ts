import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { isCredentialByFormat, isGeneratedSecret, urlCredentials } from '../../model/values.js';
import { serviceOfHost } from '../../model/k8s-network.js';
import { redactValue } from '../../core/redact.js';
import { isPlaceholder, isReference } from '../../model/values.js';
import { isTemplated, loadManifests } from '../../parse/kubernetes.js';
import { isComposeFile, isYamlFile } from '../../repo/classify.js';
import { notReadFinding } from '../../repo/fileset.js';

// Enough of a file left out for its size to see whether it holds a Secret.
const HEAD_BYTES = 64 * 1024;
const SECRET_KIND = /^\s*(-\s+)?kind\s*:\s*["']?Secret["']?\s*$/m;

/** The decoded text of a `data` value (base64), or the value itself when it does not decode. */
function decoded(value: string, field: 'data' | 'stringData'): string {
  if (field === 'stringData') return value;
  try {
    return Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return value;
  }
}

export const k8sCommittedSecret: RepoCheck = {
  id: 'k8s.committed-secret',
  title: 'No Kubernetes Secret values in the repository',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  supersedes: ['secrets.hardcoded'],
  docs: {
    summary:
      'Fails for each `kind: Secret` manifest with a non-empty `data`/`stringData` value (templated `{{ }}` values and placeholders such as `CHANGE_ME` once decoded are not counted), at the first such key, naming the keys with redacted values.',
    severityNote:
      'P1 when the values are the connection details of a datastore only the cluster network reaches (a host or URL naming a ClusterIP Service, with no external IPs and no Ingress, Route or Gateway route, that selects a datastore image) and none is generated or in a provider\'s format: SEVERITY.md puts a default password reachable only on the internal network at P1.',
    why: '`data` is only base64, not encryption: anyone with read access to the repository (or a fork, or a CI log) has the credentials.',
    fix: 'Commit SealedSecrets, SOPS-encrypted files or ExternalSecret references instead, and create the Secret in the cluster from a secret manager; rotate any value that was committed.',
  },
  async run(ctx) {
    const files = await loadManifests(ctx);
    const findings: FindingInput[] = [];
    // A manifest this P0 check could not read is an error, never a pass: one
    // broken line must not turn a committed Secret into GO.
    for (const skipped of ctx.files.notRead((path) => isYamlFile(path) && !isComposeFile(path))) {
      if (skipped.unread !== 'oversized') continue;
      const head = await ctx.files.head(skipped.path, HEAD_BYTES);
      if (head === undefined || SECRET_KIND.test(head)) findings.push(notReadFinding(skipped, 'error'));
    }
    let secrets = 0;
    for (const file of files) {
      if (file.error) {
        findings.push({
          status: 'error',
          message: `${file.path} cannot be read as YAML (line ${file.error.line}): ${file.error.message}; its Secrets, if any, were not checked.`,
          location: { path: file.path, line: file.error.line },
        });
        continue;
      }
      for (const secret of file.secrets) {
        secrets++;
        const real = secret.values.filter((v) => !isTemplated(v.value) && !isReference(v.value) && !isPlaceholder(decoded(v.value, v.field)) && !isReference(decoded(v.value, v.field)));
        if (real.length === 0) continue;
        const shown = real.map((v) => `${v.key}=${redactValue(v.value)}`).join(', ');
        // A private key or a provider token among the values is a credential by format: P0 wherever the file sits.
        const byFormat = real.some((v) => isCredentialByFormat(decoded(v.value, v.field)));
        const finding: FindingInput = { status: 'fail', message: `Secret \`${secret.name}\` in ${file.path} holds ${real.length} value(s): ${shown}.`, location: { path: file.path, line: real[0]!.line }, ...(byFormat ? { byFormat } : {}) };
        // The connection details of a datastore only the cluster reaches, with a chosen (not generated) password: P1.
        const values = real.map((v) => decoded(v.value, v.field));
        if (!byFormat && !values.some(isGeneratedSecret)) {
          const stores = await ctx.model.internalDatastores();
          const hosts = values.flatMap((v) => [v, urlCredentials(v)?.host ?? '']).filter(Boolean);
          const store = hosts.map((h) => stores.get(serviceOfHost(h))).find((x) => x !== undefined);
          if (store) {
            finding.severity = 'P1';
            finding.message += ` P1: they open \`${store.service}\` (${store.image}), a ClusterIP Service of ${store.path} that no Ingress or route exposes, and none is a generated credential: reachable only on the cluster network.`;
          }
        }
        findings.push(finding);
      }
    }
    if (findings.length) return findings;
    if (secrets === 0) return [{ status: 'skip', message: 'No kind: Secret manifest in the repository.' }];
    return [{ status: 'pass', message: `${secrets} Secret manifest(s) hold no literal values.` }];
  },
};
