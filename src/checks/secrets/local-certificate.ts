// A committed private key is a credential wherever it sits (SEVERITY.md), but
// the key of a certificate issued only for names no public client resolves
// (localhost, 127.0.0.1, *.test, a container's single-label name) guards
// nothing outside the developer's machine or a test network: the self-signed
// `localhost.key` of a dev proxy, the leaf key of an e2e suite's private CA.
// The certificate is found by its public key, not its name: a key is judged
// by the certificate that really belongs to it, in its own file or beside it.

import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { posix } from 'node:path';
import { isIP } from 'node:net';
import type { FileSet } from '../../repo/fileset.js';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
// Files beside a key that may hold its certificate.
const CERTIFICATE_FILE = /\.(crt|cert|cer|pem)$/i;
// A directory of many certificates is not read whole for one key.
const MAX_SIBLINGS = 24;
const MAX_CERT_FILE_BYTES = 64 * 1024;

// Top-level domains reserved for tests, examples and local networks (RFC 2606, RFC 6761, RFC 8375), and
// names used on private networks only.
const RESERVED_TLD = /\.(localhost|test|example|invalid|local|internal|lan|home\.arpa)$/i;
const EXAMPLE_DOMAIN = /(^|\.)example\.(com|net|org)$/i;

/** A name no public client resolves to a server of the project: loopback, private addresses, reserved names, single labels. */
export function isLocalName(name: string): boolean {
  const n = name.replace(/^\*\./, '').replace(/\.$/, '').toLowerCase();
  if (n === 'localhost' || RESERVED_TLD.test(`.${n}`) || EXAMPLE_DOMAIN.test(n)) return true;
  const ip = isIP(n);
  if (ip === 4) return /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.0\.0\.0$)/.test(n);
  if (ip === 6) return n === '::1' || /^f[cd]/.test(n);
  // A single label (`authelia`, `db`): a container or host name on a private network.
  return !n.includes('.') && /^[a-z0-9-]+$/.test(n);
}

/** The DNS names and IP addresses a certificate is for: its subjectAltName, else its CN. */
export function certificateNames(cert: X509Certificate): string[] {
  const san = cert.subjectAltName;
  if (san) {
    return san.split(/,\s*/).map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry.trim())?.[1]).filter((n): n is string => n !== undefined);
  }
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  return cn ? [cn.trim()] : [];
}

/** The SPKI (DER) of a PEM private key, or undefined when it does not parse (encrypted, truncated). */
function publicKeyOf(keyPem: string): Buffer | undefined {
  try {
    return createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  } catch {
    return undefined;
  }
}

function certificatesIn(text: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    if (m[1] !== 'CERTIFICATE') continue;
    try {
      out.push(new X509Certificate(m[0]));
    } catch {
      // Not a certificate that parses: it tells nothing about the key.
    }
  }
  return out;
}

/** The whole PEM block that starts on (1-based) `line` of `text`, if one does. */
export function pemBlockAtLine(lines: readonly string[], line: number): string | undefined {
  const first = lines[line - 1];
  const begin = first === undefined ? undefined : /-----BEGIN ([A-Z0-9 ]+)-----/.exec(first);
  if (!begin) return undefined;
  const out = [first!.slice(begin.index)];
  for (let i = line; i < lines.length && i < line + 200; i++) {
    out.push(lines[i]!);
    if (lines[i]!.includes(`-----END ${begin[1]}-----`)) return out.join('\n');
  }
  return undefined;
}

/**
 * Why the private key at `line` of `path` guards nothing public: the
 * certificate that holds its public key (in the same file, or a certificate
 * file of the same folder) is issued only for local names. Undefined when no
 * such certificate is found, or one of its names is public.
 */
export async function localCertificateFor(files: FileSet, path: string, lines: readonly string[], line: number): Promise<string | undefined> {
  const keyPem = pemBlockAtLine(lines, line);
  const spki = keyPem && publicKeyOf(keyPem);
  if (!spki) return undefined;
  const dir = posix.dirname(path);
  const siblings = files.files
    .filter((f) => f.path !== path && posix.dirname(f.path) === dir && CERTIFICATE_FILE.test(f.path) && f.size <= MAX_CERT_FILE_BYTES)
    .slice(0, MAX_SIBLINGS);
  const texts: Array<[string, string]> = [[path, lines.join('\n')]];
  for (const f of siblings) {
    const text = await files.read(f.path);
    if (text !== undefined) texts.push([f.path, text]);
  }
  for (const [where, text] of texts) {
    for (const cert of certificatesIn(text)) {
      if (!cert.publicKey.export({ type: 'spki', format: 'der' }).equals(spki)) continue;
      const names = certificateNames(cert);
      if (!names.length || !names.every(isLocalName)) return undefined;
      return `its certificate (${where === path ? 'in the same file' : where}) is issued only for local names (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}), which no public client resolves to the project's servers`;
    }
  }
  return undefined;
}
