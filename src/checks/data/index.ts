import type { Check } from '../../engine/types.js';
import { committedDump } from './committed-dump.js';
import { dataDurability } from './durability.js';

export const dataChecks: Check[] = [committedDump, dataDurability];
