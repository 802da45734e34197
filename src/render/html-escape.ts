// Text from the data into HTML: every character that could open markup or end an attribute is
// written as an entity, and control characters HTML does not allow become U+FFFD. Names, titles
// and notes all pass through here, so a branch named <script>…</script> is shown, never run.

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]!).replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '\uFFFD');
}

/**
 * An element id (and URL fragment) for a data id: letters, digits, _ and - as they are, every
 * other character as .hex. (the dot is never left as itself), so two ids never share an anchor.
 */
export function anchorId(prefix: string, id: string): string {
  let out = prefix;
  for (const ch of id) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(16)}.`;
  return out;
}
