// Reads the certificate a server presents, without trusting it: the handshake
// accepts any certificate (rejectUnauthorized: false) so that `tls.certificate`
// can say precisely what is wrong with it (expired, self-signed, wrong host,
// untrusted chain) instead of getting one opaque handshake error.

import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { HttpFailure } from './failure.js';

export interface PeerCertificate {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** e.g. `DNS:example.com, IP Address:127.0.0.1`, as OpenSSL prints it. */
  subjectAltName: string;
  fingerprint256: string;
  /** Signed by its own key (a self-signed leaf, not issued by any CA). */
  selfSigned: boolean;
  /** The chain verifies against the trusted roots (the configured CA included). */
  chainTrusted: boolean;
  /** OpenSSL's reason when the chain does not verify, e.g. `CERT_HAS_EXPIRED`. */
  chainError?: string;
  /** `tls.checkServerIdentity`'s reason when the certificate is not valid for the host. */
  hostnameError?: string;
  hostname: string;
  protocol?: string;
}

export type PeerCertificateResult = { ok: true; certificate: PeerCertificate } | { ok: false; error: HttpFailure };

export interface PeerCertificateOptions {
  /** PEM text of extra CA certificates to trust (added to Node's bundled roots). */
  ca?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Opens a TLS connection to `url`'s host and port, reads the peer certificate and closes. */
export function readPeerCertificate(url: string, options: PeerCertificateOptions): Promise<PeerCertificateResult> {
  const parsed = new URL(url);
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port || 443);
  const fail = (code: HttpFailure['code'], message: string): PeerCertificateResult => ({
    ok: false,
    error: { url, method: 'TLS', code, message },
  });
  return new Promise((resolve) => {
    let settled = false;
    const socket = tls.connect({
      host: hostname,
      port,
      // SNI carries host names only, never IP addresses (RFC 6066, section 3).
      ...(isIpLiteral(hostname) ? {} : { servername: hostname }),
      rejectUnauthorized: false,
      ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
      // Hostname is judged separately below, so a wrong host does not hide the chain verdict.
      checkServerIdentity: () => undefined,
    });
    const finish = (result: PeerCertificateResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish(fail('aborted', 'the check was cancelled'));
    const timer = setTimeout(() => finish(fail('timeout', `no TLS handshake within ${options.timeoutMs} ms`)), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const x509 = socket.getPeerX509Certificate();
      if (!x509) {
        finish(fail('tls', 'the server presented no certificate'));
        return;
      }
      const hostnameError = tls.checkServerIdentity(hostname, x509.toLegacyObject());
      const chainError = socket.authorizationError ? String(socket.authorizationError) : undefined;
      finish({
        ok: true,
        certificate: {
          subject: describeName(x509.subject),
          issuer: describeName(x509.issuer),
          validFrom: new Date(x509.validFrom),
          validTo: new Date(x509.validTo),
          subjectAltName: x509.subjectAltName ?? '',
          fingerprint256: x509.fingerprint256,
          selfSigned: chainError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || isSelfSigned(x509),
          chainTrusted: socket.authorized,
          ...(chainError ? { chainError } : {}),
          ...(hostnameError ? { hostnameError: hostnameError.message } : {}),
          hostname,
          protocol: socket.getProtocol() ?? undefined,
        },
      });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (code === 'ECONNREFUSED') finish(fail('refused', `connection refused by ${parsed.host}`));
      else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') finish(fail('dns', `cannot resolve host ${hostname}`));
      else if (code === 'ECONNRESET') finish(fail('reset', 'connection closed during the TLS handshake'));
      else finish(fail('tls', `TLS handshake failed: ${err.message}`));
    });
  });
}

function isSelfSigned(x509: X509Certificate): boolean {
  try {
    // Not checkIssued(): it also demands keyCertSign, which a self-signed leaf lacks.
    return x509.issuer === x509.subject && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** `CN=example.com\nO=Example` -> `CN=example.com, O=Example`. */
function describeName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
