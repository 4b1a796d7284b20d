import type { Check } from '../../engine/types.js';
import { reachable } from './reachable.js';

export const httpChecks: Check[] = [reachable];
