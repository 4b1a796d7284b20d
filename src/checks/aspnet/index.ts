import type { Check } from '../../engine/types.js';
import { aspnetCors } from './cors.js';
import { aspnetDeveloperErrors } from './developer-errors.js';
import { aspnetHttps } from './https.js';
import { aspnetSecrets } from './secrets.js';

export const aspnetChecks: Check[] = [aspnetSecrets, aspnetDeveloperErrors, aspnetHttps, aspnetCors];
