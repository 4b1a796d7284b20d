import type { Check } from '../../engine/types.js';
import { notFound } from './not-found.js';

export const errorsChecks: Check[] = [notFound];
