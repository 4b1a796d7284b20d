import type { Check } from '../../engine/types.js';
import { brokenDependency } from './broken-dependency.js';
import { conflict } from './conflict.js';
import { unsafeOperation } from './unsafe-operation.js';

export const migrationsChecks: Check[] = [conflict, brokenDependency, unsafeOperation];
