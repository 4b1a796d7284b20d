import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { startApp, type TestServer } from '../helpers/server.js';
import { runChecks } from '../helpers/run-checks.js';
import { SURFACE_CHECKS, FAST_HTTP } from './surface-checks.js';

describe('smoke', () => {
  let server: TestServer;
  beforeAll(async () => {
    const app = express();
    app.get('/', (_req, res) => { res.cookie('sessionid', 'abcdefabcdefabcdef'); res.send('<html>hi</html>'); });
    server = await startApp(app);
  });
  afterAll(() => server.close());
  it('runs', async () => {
    const result = await runChecks(SURFACE_CHECKS, { target: server.url, config: FAST_HTTP });
    for (const f of result.findings) console.log(f.checkId, f.status, f.severity, f.message);
    console.log(result.requests, result.requestsByCheck, result.durationMs);
    console.log(result.findings.find(f=>f.checkId==='cookies.flags')?.evidence);
    expect(result.requests).toBeGreaterThan(0);
  });
});
