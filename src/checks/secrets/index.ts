import type { Check } from '../../engine/types.js';
import { secretsDefaultAccount } from './default-account.js';
import { secretsHardcoded } from './hardcoded.js';
import { secretsWeakDefault } from './weak-default.js';

export const secretsChecks: Check[] = [secretsHardcoded, secretsWeakDefault, secretsDefaultAccount];
