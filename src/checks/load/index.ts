import type { Check } from '../../engine/types.js';
import { loadConcurrency } from './concurrency.js';
import { loadRamp } from './ramp.js';

export const loadChecks: Check[] = [loadConcurrency, loadRamp];
