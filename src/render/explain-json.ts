// An explanation document → JSON: its data, as numbers rounded once for display.

import type { ExplainDoc } from '../tables/explain-doc.js';

export function renderExplainJson(doc: ExplainDoc): string {
  return JSON.stringify(doc.data, null, 2) + '\n';
}
