import type { Check } from '../../engine/types.js';
import { k8sProbes } from './probes.js';
import { k8sResources } from './resources.js';
import { k8sSecurityContext } from './security-context.js';
import { k8sImagePinning } from './image-pinning.js';
import { k8sCommittedSecret } from './committed-secret.js';

export const k8sChecks: Check[] = [k8sProbes, k8sResources, k8sSecurityContext, k8sImagePinning, k8sCommittedSecret];
