import type { Check } from '../../engine/types.js';
import { secretsHardcoded } from './hardcoded.js';

export const secretsChecks: Check[] = [secretsHardcoded];
