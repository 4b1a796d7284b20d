import type { Check } from '../../engine/types.js';
import { cookieFlags } from './flags.js';

export const cookiesChecks: Check[] = [cookieFlags];
