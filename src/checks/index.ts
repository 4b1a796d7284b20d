// The registry: a plain list. A family is a folder with an index.ts listing
// its checks; adding a check is one file plus a line in its family's list.

import type { Check } from '../engine/types.js';
import { httpChecks } from './http/index.js';
import { tlsChecks } from './tls/index.js';
import { headersChecks } from './headers/index.js';
import { cookiesChecks } from './cookies/index.js';
import { corsChecks } from './cors/index.js';
import { disclosureChecks } from './disclosure/index.js';
import { errorsChecks } from './errors/index.js';
import { healthChecks } from './health/index.js';
import { ratelimitChecks } from './ratelimit/index.js';
import { authBurstChecks, authChecks } from './auth/index.js';
import { loadChecks } from './load/index.js';
import { reliabilityChecks } from './reliability/index.js';
import { envChecks } from './env/index.js';
import { secretsChecks } from './secrets/index.js';
import { composeChecks } from './compose/index.js';
import { dockerChecks } from './docker/index.js';
import { k8sChecks } from './k8s/index.js';
import { migrationsChecks } from './migrations/index.js';
import { djangoChecks } from './django/index.js';
import { springChecks } from './spring/index.js';
import { aspnetChecks } from './aspnet/index.js';
import { nodeChecks } from './node/index.js';
import { laravelChecks } from './laravel/index.js';
import { railsChecks } from './rails/index.js';
import { phoenixChecks } from './phoenix/index.js';
import { pythonChecks } from './python/index.js';
import { opsChecks } from './ops/index.js';
import { dataChecks } from './data/index.js';

/** The text scanners these checks run in worker threads, by name (the worker knows the same registry): the engine gets them from here. */
export { SCANNERS } from './scanners.js';

export const ALL_CHECKS: readonly Check[] = [
  ...httpChecks,
  ...tlsChecks,
  ...headersChecks,
  ...cookiesChecks,
  ...corsChecks,
  ...disclosureChecks,
  ...errorsChecks,
  ...healthChecks,
  ...authChecks,
  // Exclusive bursts run in this order: the load test before the rate-limit
  // burst, whose purpose is to trip the limiter (a tripped limiter would turn
  // the load test's answers into 429s).
  ...loadChecks,
  ...ratelimitChecks,
  ...authBurstChecks,
  ...reliabilityChecks,
  ...envChecks,
  ...secretsChecks,
  ...composeChecks,
  ...dockerChecks,
  ...k8sChecks,
  ...migrationsChecks,
  ...djangoChecks,
  ...laravelChecks,
  ...railsChecks,
  ...phoenixChecks,
  ...springChecks,
  ...aspnetChecks,
  ...nodeChecks,
  ...pythonChecks,
  ...opsChecks,
  ...dataChecks,
];
