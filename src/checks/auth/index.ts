import type { Check } from '../../engine/types.js';
import { authMalformedToken } from './malformed-token.js';
import { openAdmin } from './open-admin.js';
import { loginThrottling } from './login-throttling.js';
import { defaultCredentials } from './default-credentials.js';
import { openRegistration } from './open-registration.js';
import { authDisabledInConfig } from './disabled-in-config.js';

export const authChecks: Check[] = [authMalformedToken, openAdmin, defaultCredentials, openRegistration, authDisabledInConfig];

/** Wrong passwords are a burst: listed after the load test (see checks/index.ts), so a tripped limiter cannot skew it. */
export const authBurstChecks: Check[] = [loginThrottling];
