// The separators clerks put between the items of a list instead of `;`: 、 (the enumeration
// comma), ASCII and full-width commas, and spaces. Pure.

const WRONG = /\s*([、，,])\s*|\s+/;

/** The items of `text` split at a wrong separator, with the first separator met; undefined when there is none. */
export function wronglySeparated(text: string): { sep: string; parts: string[] } | undefined {
  const m = WRONG.exec(text.trim());
  if (!m) return undefined;
  const parts = text.trim().split(/\s*[、，,]\s*|\s+/).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  return { sep: m[1] ?? ' ', parts };
}
