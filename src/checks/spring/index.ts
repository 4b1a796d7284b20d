import type { Check } from '../../engine/types.js';
import { springActuator } from './actuator.js';
import { springCors } from './cors.js';
import { springDdlAuto } from './ddl-auto.js';
import { springErrorStacktrace } from './error-stacktrace.js';
import { springH2Console } from './h2-console.js';
import { springSecrets } from './secrets.js';

export const springChecks: Check[] = [springSecrets, springActuator, springErrorStacktrace, springCors, springH2Console, springDdlAuto];
