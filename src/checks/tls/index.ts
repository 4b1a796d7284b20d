import type { Check } from '../../engine/types.js';
import { httpsRedirect } from './https-redirect.js';
import { certificate } from './certificate.js';

export const tlsChecks: Check[] = [httpsRedirect, certificate];
