import type { Check } from '../../engine/types.js';
import { envTemplate } from './template.js';
import { envUndocumented } from './undocumented.js';
import { envRequired } from './required.js';
import { envCommittedFile } from './committed-file.js';
import { envInsecureDefaults } from './insecure-defaults.js';

export const envChecks: Check[] = [envTemplate, envUndocumented, envRequired, envCommittedFile, envInsecureDefaults];
