import type { Check } from '../../engine/types.js';

export const pythonChecks: Check[] = [];
