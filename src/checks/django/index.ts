import type { Check } from '../../engine/types.js';
import { allowedHosts } from './allowed-hosts.js';
import { cors } from './cors.js';
import { debug } from './debug.js';
import { https } from './https.js';
import { middleware } from './middleware.js';
import { secretKey } from './secret-key.js';

export const djangoChecks: Check[] = [debug, secretKey, allowedHosts, https, middleware, cors];
