// One report, several renderers.

import type { Check } from '../engine/types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Report } from './report.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format, options: { color: boolean; hyperlinks?: boolean; width?: number; catalog: readonly Check[]; verbose?: boolean }): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report, options.catalog);
    case 'text':
      return renderText(report, { color: options.color, hyperlinks: options.hyperlinks, width: options.width, verbose: options.verbose });
  }
}

export { buildReport, headline, countFailingP0, type Report } from './report.js';
export { renderJson, renderMarkdown, renderSarif, renderText };
