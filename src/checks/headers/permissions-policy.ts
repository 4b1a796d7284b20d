import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

export const permissionsPolicy: LiveCheck = {
  id: 'headers.permissions-policy',
  title: 'A Permissions-Policy limits powerful browser features',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when the base page sends no Permissions-Policy header.',
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
    if (value !== undefined && value.trim()) {
      return [{ status: 'pass', message: `Permissions-Policy: ${value.length > 120 ? value.slice(0, 120) + '…' : value}.`, url: r.url, evidence }];
    }
    const message = r.headers['feature-policy']
      ? 'Only the deprecated Feature-Policy header is sent; current browsers read Permissions-Policy.'
      : 'No Permissions-Policy header.';
    return [{ status: 'fail', message, url: r.url, evidence }];
  },
};
