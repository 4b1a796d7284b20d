import type { Check } from '../../engine/types.js';
import { hsts } from './hsts.js';
import { csp } from './csp.js';
import { frameOptions } from './frame-options.js';
import { contentTypeOptions } from './content-type-options.js';
import { referrerPolicy } from './referrer-policy.js';
import { permissionsPolicy } from './permissions-policy.js';
import { crossOriginIsolation } from './cross-origin-isolation.js';

export const headersChecks: Check[] = [hsts, csp, frameOptions, contentTypeOptions, referrerPolicy, permissionsPolicy, crossOriginIsolation];
