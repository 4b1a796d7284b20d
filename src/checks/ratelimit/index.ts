import type { Check } from '../../engine/types.js';
import { ratelimitEnforced } from './enforced.js';

export const ratelimitChecks: Check[] = [ratelimitEnforced];
