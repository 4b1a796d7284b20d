import type { Check } from '../../engine/types.js';
import { reliabilityGracefulErrors } from './graceful-errors.js';

export const reliabilityChecks: Check[] = [reliabilityGracefulErrors];
