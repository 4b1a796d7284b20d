import type { Check } from '../../engine/types.js';
import { forceSsl } from './force-ssl.js';
import { hosts } from './hosts.js';
import { requestsLocal } from './requests-local.js';
import { secretKeyBase } from './secret-key-base.js';

export const railsChecks: Check[] = [requestsLocal, secretKeyBase, forceSsl, hosts];
