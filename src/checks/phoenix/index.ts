import type { Check } from '../../engine/types.js';
import { checkOrigin } from './check-origin.js';
import { debugErrors } from './debug-errors.js';
import { envFallback } from './env-fallback.js';
import { forceSsl } from './force-ssl.js';
import { secretKeyBase } from './secret-key-base.js';

export const phoenixChecks: Check[] = [secretKeyBase, debugErrors, envFallback, checkOrigin, forceSsl];
