// Text from the data made safe inside Markdown meant for GitHub (job summaries, pull-request
// comments): characters Markdown or HTML would read as markup are escaped, line breaks become
// spaces, and an @ is kept from mentioning (notifying) a GitHub user by a word joiner after it.

export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~&]/g, '\\$&').replace(/@/g, '@\u2060').replace(/\r?\n|\r/g, ' ');
}

/** Text in a code span: backticks inside are never closed early (a longer fence is used). */
export function mdCode(s: string): string {
  const text = s.replace(/\r?\n|\r/g, ' ');
  let fence = '`';
  while (text.includes(fence)) fence += '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
