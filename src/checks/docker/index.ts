import type { Check } from '../../engine/types.js';
import { dockerNonRoot } from './non-root.js';
import { dockerHealthcheck } from './healthcheck.js';
import { dockerBaseImagePinned } from './base-image-pinned.js';
import { dockerSecretsInImage } from './secrets-in-image.js';
import { dockerAddInsteadOfCopy } from './add-instead-of-copy.js';
import { dockerRunImagePinning } from './run-image-pinning.js';

export const dockerChecks: Check[] = [dockerNonRoot, dockerHealthcheck, dockerBaseImagePinned, dockerSecretsInImage, dockerAddInsteadOfCopy, dockerRunImagePinning];
