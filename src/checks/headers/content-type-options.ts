import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';

/** Only the exact token `nosniff` disables MIME sniffing (Fetch standard, X-Content-Type-Options). */
export function isNosniff(value: string | undefined): boolean {
  return value !== undefined && value.split(',')[0]!.trim().toLowerCase() === 'nosniff';
}

export const contentTypeOptions: LiveCheck = {
  id: 'headers.content-type-options',
  title: 'Responses disable MIME sniffing',
  category: 'security',
  severity: 'P2',
  kind: 'live',
  docs: {
    summary: 'Fails when the base page does not send `X-Content-Type-Options: nosniff`.',
    why: 'Without it, browsers may guess a response is script or HTML from its content, turning an uploaded file or a JSON response into executable content.',
    fix: 'Send `X-Content-Type-Options: nosniff` on every response.',
    snippets: [
      { stack: 'Express', code: 'app.use(helmet.noSniff());' },
      { stack: 'nginx', code: 'add_header X-Content-Type-Options nosniff always;' },
      { stack: 'Django', code: 'SECURE_CONTENT_TYPE_NOSNIFF = True  # the default with SecurityMiddleware' },
    ],
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const value = r.headers['x-content-type-options'];
    const evidence = describeExchange(r, { headers: ['content-type', 'x-content-type-options'], secretHeaders: http.secretHeaderNames });
    if (isNosniff(value)) return [{ status: 'pass', message: 'X-Content-Type-Options: nosniff is set.', url: r.url, evidence }];
    const message =
      value === undefined ? 'No X-Content-Type-Options header: browsers may MIME-sniff responses.' : `X-Content-Type-Options "${value}" is not nosniff.`;
    return [{ status: 'fail', message, url: r.url, evidence }];
  },
};
