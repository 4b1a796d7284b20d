import { NON_PRODUCT_PATH } from '../ops/project.js';

/** The Python web frameworks whose apps the python checks read; a module that names none is not parsed. */
export const MENTIONS_WEB_FRAMEWORK = /\b(flask|fastapi|starlette|quart)\b/i;

/** Tests, migrations, docs and examples: no app a deployment serves. */
const NOT_APP = /(^|\/)(tests?|migrations|docs|examples?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** The Python modules read for web apps. */
export function isWebAppCandidate(path: string): boolean {
  return path.endsWith('.py') && !NOT_APP.test(path) && !NON_PRODUCT_PATH.test(path);
}
