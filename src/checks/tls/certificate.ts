import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { LiveCheck, Severity } from '../../engine/types.js';
import type { PeerCertificate } from '../../http/tls.js';

/** Certificates expiring sooner than this fail as P1: renewal is overdue. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface CertificateVerdict {
  /** Undefined when nothing is wrong. */
  severity?: Severity;
  problems: string[];
  /** Expiry date, days left and issuer, for every message. */
  summary: string;
}

// OpenSSL verification results that the more specific problems below already explain.
const EXPLAINED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** Judges a peer certificate as a browser would, with the configured CA trusted. */
export function judgeCertificate(cert: PeerCertificate, options: { now: Date; caConfigured: boolean }): CertificateVerdict {
  const daysLeft = Math.floor((cert.validTo.getTime() - options.now.getTime()) / DAY_MS);
  const expiry = cert.validTo.toISOString().slice(0, 10);
  const summary = `expires ${expiry} (${daysLeft >= 0 ? `${daysLeft} days left` : `${-daysLeft} days ago`}), issued by ${cert.issuer} to ${cert.subject}`;
  const p0: string[] = [];
  if (cert.validTo.getTime() < options.now.getTime()) p0.push(`expired on ${expiry}`);
  if (cert.validFrom.getTime() > options.now.getTime()) p0.push(`not valid before ${cert.validFrom.toISOString().slice(0, 10)}`);
  if (cert.selfSigned && !cert.chainTrusted) {
    p0.push(options.caConfigured ? 'self-signed and not the configured CA' : 'self-signed (no CA is configured for this target)');
  }
  if (cert.hostnameError) p0.push(`not valid for ${cert.hostname}: ${cert.hostnameError.replace(/^Hostname\/IP does not match certificate's altnames: /, '')}`);
  if (!cert.chainTrusted && !cert.selfSigned && cert.chainError && !EXPLAINED.has(cert.chainError)) {
    p0.push(`its chain does not verify (${cert.chainError})${options.caConfigured ? ' against the trusted roots and the configured CA' : ''}`);
  }
  if (p0.length) return { severity: 'P0', problems: p0, summary };
  if (daysLeft < EXPIRY_WARNING_DAYS) return { severity: 'P1', problems: [`expires within ${EXPIRY_WARNING_DAYS} days`], summary };
  return { problems: [], summary };
}

/** `target.ca` is a PEM path; the audit resolves a relative one against the repository root (or the working directory). */
async function readCa(path: string): Promise<{ pem: string } | { error: string }> {
  const full = isAbsolute(path) ? path : resolve(process.cwd(), path);
  try {
    const pem = await readFile(full, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { error: `the configured CA ${path} holds no PEM certificate` };
    return { pem };
  } catch (err) {
    return { error: `the configured CA ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

export const certificate: LiveCheck = {
  id: 'tls.certificate',
  title: 'The TLS certificate is valid, trusted and not about to expire',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Fails when the HTTPS certificate is expired or not yet valid, self-signed without a configured CA, issued for another host or its chain does not verify (P0), or when it expires within 30 days (P1).',
    why: 'Browsers and API clients refuse an invalid certificate outright, and an expired one takes the whole service down the minute it lapses.',
    fix: 'Serve a certificate from a trusted CA for the exact host name with its full chain, and automate renewal (e.g. ACME / certbot / cert-manager) well before expiry.',
    snippets: [
      { stack: 'certbot', code: 'certbot renew --deploy-hook "systemctl reload nginx"  # run from a timer' },
      { stack: 'nginx', code: 'ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;  # the full chain, not cert.pem' },
      { stack: 'readiness.yml', code: 'targets:\n  - url: https://staging.internal\n    ca: certs/internal-ca.pem  # trust a private CA' },
    ],
    severityNote: 'P0 for an invalid, expired, self-signed (without a configured `ca`), wrong-host or untrusted certificate; P1 when it expires within 30 days.',
    traffic: 'One TLS handshake with the HTTPS host (no HTTP request).',
  },
  async run({ exchanges, target, http }) {
    let httpsUrl = target.url.startsWith('https:') ? target.url : undefined;
    if (!httpsUrl) {
      const base = await exchanges.base();
      if (base.ok && base.response.url.startsWith('https:')) httpsUrl = base.response.url;
    }
    if (!httpsUrl) return [{ status: 'skip', message: `Not checked: ${target.url} is not served over HTTPS (see tls.https-redirect).` }];
    let ca: string | undefined;
    if (target.ca) {
      const read = await readCa(target.ca);
      if ('error' in read) return [{ status: 'error', message: `Cannot judge the certificate: ${read.error}.`, url: httpsUrl }];
      ca = read.pem;
    }
    const result = await http.peerCertificate(httpsUrl, { ca });
    if (!result.ok) return [{ status: 'error', message: `No certificate could be read from ${new URL(httpsUrl).host}: ${result.error.message}.`, url: httpsUrl }];
    const cert = result.certificate;
    const verdict = judgeCertificate(cert, { now: new Date(), caConfigured: ca !== undefined });
    const evidence = [
      `TLS ${new URL(httpsUrl).host}${cert.protocol ? ` (${cert.protocol})` : ''}`,
      `subject: ${cert.subject}`,
      `issuer: ${cert.issuer}`,
      `valid: ${cert.validFrom.toISOString()} .. ${cert.validTo.toISOString()}`,
      `subjectAltName: ${cert.subjectAltName || '(none)'}`,
      `chain: ${cert.chainTrusted ? 'trusted' : `not trusted (${cert.chainError ?? 'unknown'})`}${ca ? ' with the configured CA' : ''}`,
      `sha256: ${cert.fingerprint256}`,
    ].join('\n');
    if (!verdict.severity) return [{ status: 'pass', message: `Valid certificate for ${cert.hostname}: ${verdict.summary}.`, url: httpsUrl, evidence }];
    return [{ status: 'fail', severity: verdict.severity, message: `Certificate ${verdict.problems.join('; ')}: ${verdict.summary}.`, url: httpsUrl, evidence }];
  },
};
