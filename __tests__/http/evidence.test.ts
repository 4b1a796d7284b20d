import { describe, expect, it } from '@jest/globals';
import { describeExchange, describeFailure } from '../../src/http/evidence.js';
import type { HttpResponse } from '../../src/http/client.js';

// A target URL may carry a credential in its query string (`?access_token=`,
// `?api_key=`): the request line quoted in evidence must not repeat it.
describe('evidence request lines', () => {
  const url = 'http://127.0.0.1:8080/report?access_token=abcdef0123456789&page=2';

  it('redacts secret-looking query parameters of an exchange', () => {
    const response = { url, method: 'GET', status: 200, headers: {}, headerList: [], requestHeaders: {}, body: '' } as unknown as HttpResponse;
    const evidence = describeExchange(response);
    expect(evidence).not.toContain('abcdef0123456789');
    expect(evidence.split('\n')[0]).toBe('GET /report?access_token=abcd[redacted, 16 chars]&page=2 HTTP/1.1');
  });

  it('redacts them in a failure too', () => {
    const evidence = describeFailure({ url, method: 'GET', code: 'timeout', message: 'no response within 10 ms' });
    expect(evidence.split('\n')[0]).toBe('GET /report?access_token=abcd[redacted, 16 chars]&page=2 HTTP/1.1');
  });
});
