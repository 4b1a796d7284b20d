import type { Check } from '../../engine/types.js';
import { appEnv } from './app-env.js';
import { appKey } from './app-key.js';
import { cors } from './cors.js';
import { debug } from './debug.js';
import { sessionCookie } from './session-cookie.js';

export const laravelChecks: Check[] = [debug, appKey, appEnv, sessionCookie, cors];
