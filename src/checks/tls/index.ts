import type { Check } from '../../engine/types.js';

export const tlsChecks: Check[] = [];
