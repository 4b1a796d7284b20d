import type { Check } from '../../engine/types.js';
import { healthEndpoint } from './endpoint.js';
import { healthDependencies } from './dependencies.js';

export const healthChecks: Check[] = [healthEndpoint, healthDependencies];
