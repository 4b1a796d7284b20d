import type { Check } from '../../engine/types.js';
import { authMalformedToken } from './malformed-token.js';

export const authChecks: Check[] = [authMalformedToken];
