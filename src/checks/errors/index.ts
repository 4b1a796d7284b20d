import type { Check } from '../../engine/types.js';

export const errorsChecks: Check[] = [];
