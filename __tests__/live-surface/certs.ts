// Test certificates, generated per test run with node-forge (keys from
// node:crypto, which is much faster than forge's JavaScript RSA).

import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface Issued {
  cert: string;
  key: string;
}

export interface CertificateSpec {
  commonName: string;
  /** DNS names and IP addresses for subjectAltName. */
  dns?: string[];
  ips?: string[];
  notBefore: Date;
  notAfter: Date;
  /** Signed by this CA; self-signed when omitted. */
  issuer?: Issued;
  isCa?: boolean;
}

let serial = 1;

export function issue(spec: CertificateSpec): Issued {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [{ name: 'commonName', value: spec.commonName }, { name: 'organizationName', value: 'readiness-gate tests' }];
  cert.setSubject(subject);
  const issuerCert = spec.issuer ? forge.pki.certificateFromPem(spec.issuer.cert) : undefined;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  const altNames = [
    ...(spec.dns ?? []).map((value) => ({ type: 2, value })),
    ...(spec.ips ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: spec.isCa ?? false, critical: true },
    { name: 'keyUsage', keyCertSign: spec.isCa ?? false, cRLSign: spec.isCa ?? false, digitalSignature: true, keyEncipherment: true, critical: true },
    ...(spec.isCa ? [] : [{ name: 'extKeyUsage', serverAuth: true }]),
    ...(altNames.length ? [{ name: 'subjectAltName', altNames }] : []),
    { name: 'subjectKeyIdentifier' },
  ]);
  const signingKey = spec.issuer ? forge.pki.privateKeyFromPem(spec.issuer.key) : key;
  cert.sign(signingKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keyPem };
}

const DAY = 86_400_000;

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY);
}

/** A test CA and the certificates the TLS tests serve. */
export function testCertificates() {
  const ca = issue({ commonName: 'readiness-gate test CA', notBefore: daysFromNow(-10), notAfter: daysFromNow(3650), isCa: true });
  const forLoopback = { commonName: '127.0.0.1', ips: ['127.0.0.1'], dns: ['localhost'] };
  return {
    ca,
    valid: issue({ ...forLoopback, notBefore: daysFromNow(-1), notAfter: daysFromNow(365), issuer: ca }),
    expiringSoon: issue({ ...forLoopback, notBefore: daysFromNow(-60), notAfter: daysFromNow(20), issuer: ca }),
    expired: issue({ ...forLoopback, notBefore: daysFromNow(-400), notAfter: daysFromNow(-5), issuer: ca }),
    wrongHost: issue({ commonName: 'wrong.example', dns: ['wrong.example'], notBefore: daysFromNow(-1), notAfter: daysFromNow(365), issuer: ca }),
    selfSigned: issue({ ...forLoopback, notBefore: daysFromNow(-1), notAfter: daysFromNow(365) }),
  };
}
