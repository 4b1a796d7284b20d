// Publishing to GitHub (check run, sticky PR comment, nightly issue) is built
// by the "GitHub reporting" issue. Until then the Action reports through the
// job summary, its outputs and its step result only.

import type { Report } from '../report/index.js';

export async function publish(_report: Report): Promise<void> {
  // Intentionally nothing yet: see the note above.
}
