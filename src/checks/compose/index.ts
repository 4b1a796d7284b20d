import type { Check } from '../../engine/types.js';
import { composeHealthcheck } from './healthcheck.js';
import { composeRestartPolicy } from './restart-policy.js';
import { composeResourceLimits } from './resource-limits.js';
import { composeImagePinning } from './image-pinning.js';
import { composePrivileged } from './privileged.js';
import { composeExposedDatastore } from './exposed-datastore.js';
import { composeInlineSecret } from './inline-secret.js';
import { composeDatastoreVolume } from './datastore-volume.js';
import { composeDependsOnHealth } from './depends-on-health.js';
import { composeCodeBindMount } from './code-bind-mount.js';
import { composeAdminExposed } from './admin-exposed.js';

export const composeChecks: Check[] = [
  composeHealthcheck,
  composeRestartPolicy,
  composeResourceLimits,
  composeImagePinning,
  composePrivileged,
  composeExposedDatastore,
  composeInlineSecret,
  composeDatastoreVolume,
  composeDependsOnHealth,
  composeCodeBindMount,
  composeAdminExposed,
];
