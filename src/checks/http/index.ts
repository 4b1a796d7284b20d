import type { Check } from '../../engine/types.js';
import { reachable } from './reachable.js';
import { traceMethod } from './trace-method.js';

export const httpChecks: Check[] = [reachable, traceMethod];
