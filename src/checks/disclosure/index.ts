import type { Check } from '../../engine/types.js';
import { serverBanner } from './server-banner.js';
import { debugMode } from './debug-mode.js';
import { sensitivePaths } from './sensitive-paths.js';
import { metricsExposed } from './metrics-exposed.js';
import { errorTraces } from './error-traces.js';

export const disclosureChecks: Check[] = [serverBanner, debugMode, sensitivePaths, metricsExposed, errorTraces];
