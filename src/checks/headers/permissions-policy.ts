import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

// One member of the structured-field dictionary (RFC 8941): `feature=()`,
// `feature=(self "https://a.example")`, `feature=*`, `feature=self`, with parameters.
const MEMBER = /^[a-z*][a-z0-9_.*-]*(=(\([^()]*\)|\*|self|"[^"]*"))?(;.*)?$/;

/**
 * The first member that does not parse, or undefined. Browsers ignore a
 * Permissions-Policy that is not a valid dictionary (e.g. one written in the
 * older Feature-Policy syntax `camera 'none'`).
 */
export function invalidPermissionsMember(value: string): string | undefined {
  return value
    .split(',')
    .map((m) => m.trim())
    .find((m) => m && !MEMBER.test(m));
}

export const permissionsPolicy: LiveCheck = {
  id: 'headers.permissions-policy',
  title: 'A Permissions-Policy limits powerful browser features',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when the base page sends no Permissions-Policy header, or one browsers cannot parse (e.g. written in the older Feature-Policy syntax).',
    why: 'Without it, any script or embedded frame on the page may ask for the camera, microphone, geolocation or payment APIs the application never uses.',
    fix: 'Send a Permissions-Policy that disables the features you do not use, e.g. `Permissions-Policy: camera=(), microphone=(), geolocation=()`.',
    snippets: [
      { stack: 'Express', code: "app.use((req, res, next) => { res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()'); next(); });" },
      { stack: 'nginx', code: 'add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;' },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const value = r.headers['permissions-policy'];
    const evidence = describeExchange(r, { headers: ['permissions-policy', 'feature-policy'], secretHeaders: http.secretHeaderNames });
    const invalid = value !== undefined ? invalidPermissionsMember(value) : undefined;
    if (invalid !== undefined) {
      return [{ status: 'fail', message: `Permissions-Policy is not valid (at "${invalid}"), so browsers ignore it; use the dictionary syntax, e.g. camera=(), not Feature-Policy's camera 'none'.`, url: r.url, evidence }];
    }
    if (value !== undefined && value.trim()) {
      return [{ status: 'pass', message: `Permissions-Policy: ${value.length > 120 ? value.slice(0, 120) + '…' : value}.`, url: r.url, evidence }];
    }
    const message = r.headers['feature-policy']
      ? 'Only the deprecated Feature-Policy header is sent; current browsers read Permissions-Policy.'
      : 'No Permissions-Policy header.';
    return [{ status: 'fail', message, url: r.url, evidence }];
  },
};
