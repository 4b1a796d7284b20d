import type { Check } from '../../engine/types.js';
import { corsPolicy } from './policy.js';

export const corsChecks: Check[] = [corsPolicy];
