// Which checks run: `only` and `skip` take check ids or family prefixes
// (`headers` selects every `headers.*` check).

import { closest } from '../config/did-you-mean.js';
import type { Check } from './types.js';

export interface Selection {
  only: readonly string[];
  skip: readonly string[];
}

function matches(check: Check, selector: string): boolean {
  return check.id === selector || check.id.startsWith(`${selector}.`);
}

export function selectChecks(all: readonly Check[], selection: Selection): Check[] {
  return all.filter(
    (check) =>
      (selection.only.length === 0 || selection.only.some((s) => matches(check, s))) &&
      !selection.skip.some((s) => matches(check, s)),
  );
}

/** Selectors that name no check, each with a "did you mean" when one is close. */
export function unknownSelectors(all: readonly Check[], selectors: readonly string[]): string[] {
  const names = [...new Set([...all.map((c) => c.id), ...all.map((c) => c.id.split('.')[0]!)])];
  return selectors
    .filter((s) => !all.some((c) => matches(c, s)))
    .map((s) => {
      const hint = closest(s, names);
      return hint ? `"${s}" (did you mean "${hint}"?)` : `"${s}"`;
    });
}
