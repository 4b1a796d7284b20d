import type { Check } from '../../engine/types.js';
import { cors } from './cors.js';
import { rateLimit } from './rate-limit.js';
import { securityMiddleware } from './security-middleware.js';

export const nodeChecks: Check[] = [securityMiddleware, rateLimit, cors];
