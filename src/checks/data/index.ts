import type { Check } from '../../engine/types.js';
import { committedDump } from './committed-dump.js';

export const dataChecks: Check[] = [committedDump];
