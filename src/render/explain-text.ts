// An explanation document → the text a branch officer reads in a terminal or a .txt file: each
// depth indents two spaces, list entries start with "- ".

import type { ExplainDoc } from '../tables/explain-doc.js';

export function renderExplainText(doc: ExplainDoc): string {
  return doc.blocks.map((b) => (b.text === '' ? '' : `${'  '.repeat(b.depth)}${b.bullet ? '- ' : ''}${b.text}`)).join('\n') + '\n';
}
