import type { Check } from '../../engine/types.js';
import { backup } from './backup.js';
import { ci } from './ci.js';
import { dependencyAudit } from './dependency-audit.js';
import { lockfile } from './lockfile.js';
import { logging } from './logging.js';
import { monitoring } from './monitoring.js';
import { tests } from './tests.js';
import { migrateOnStart } from './migrate-on-start.js';

export const opsChecks: Check[] = [ci, tests, lockfile, backup, monitoring, logging, dependencyAudit, migrateOnStart];
