import type { Check } from '../../engine/types.js';
import { cors } from './cors.js';
import { debug } from './debug.js';

export const pythonChecks: Check[] = [debug, cors];
