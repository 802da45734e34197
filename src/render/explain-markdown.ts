// An explanation document → Markdown: the title and section headings as headings, lines at
// depth 0 as paragraphs, deeper lines as nested lists; text is escaped.

import type { ExplainDoc } from '../tables/explain-doc.js';
import { escapeInline } from './markdown.js';

export function renderExplainMarkdown(doc: ExplainDoc): string {
  const out: string[] = [];
  let prev: 'heading' | 'para' | 'list' | undefined;
  for (const b of doc.blocks) {
    if (b.text === '') continue; // spacing is decided here
    const kind = b.role !== undefined ? 'heading' : b.depth === 0 ? 'para' : 'list';
    if (prev !== undefined && (kind !== 'list' || prev !== 'list')) out.push('');
    const text = escapeInline(b.text);
    if (b.role === 'title') out.push(`# ${text}`);
    else if (b.role === 'heading') out.push(`## ${text}`);
    else if (kind === 'para') out.push(text);
    else out.push(`${'  '.repeat(b.depth - 1)}- ${text}`);
    prev = kind;
  }
  return out.join('\n') + '\n';
}
