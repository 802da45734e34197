// Fetches the text of a few lines of a data file, decoded as the loader decoded it, for the
// excerpts under printed diagnostics. Reads only as far as the last line wanted.

import { openText, type Encoding } from './decode.js';

export async function readLines(abs: string, wanted: ReadonlySet<number>, encoding?: Encoding): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  // A loop, not Math.max(...wanted): a set of 200,000 lines overflows an argument list.
  let last = 0;
  for (const n of wanted) if (n > last) last = n;
  const r = await openText(abs, { encoding });
  if (!r.ok) return out;
  let line = 1;
  let rest = '';
  try {
    for await (const chunk of r.source.chunks()) {
      let text = rest + chunk;
      let start = 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        if (wanted.has(line)) out.set(line, stripCr(text.slice(start, nl)));
        line++;
        start = nl + 1;
        if (line > last) return out;
      }
      rest = text.slice(start);
      text = '';
    }
    if (rest.length > 0 && wanted.has(line)) out.set(line, stripCr(rest));
  } catch {
    // An excerpt is a courtesy: a file that vanished meanwhile just has none.
  }
  return out;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
