import type { Check } from '../../engine/types.js';

export const envChecks: Check[] = [];
