import type { Check } from '../../engine/types.js';
import { loadConcurrency } from './concurrency.js';

export const loadChecks: Check[] = [loadConcurrency];
