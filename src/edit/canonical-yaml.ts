// The canonical form of a YAML file, kept close to what its author wrote: comments, order,
// quoting and alignment stay; dates in date fields become YYYY-MM-DD (a month YYYY-MM); spaces
// at line ends go; the file ends in exactly one line break. Line ends keep the file's style.
// The entries of orgs.yaml and of a rubric keep their order: it is the order of every table.
// Pure.

import type { Path, RawValue, YamlDoc } from '../source/yaml.js';
import { formatDay, parseDate, parseMonthOrDate } from '../util/dates.js';

export interface DateField {
  readonly path: Path;
  /** A month (YYYY-MM) may stay a month. */
  readonly month: boolean;
}

function canonicalDate(v: string, month: boolean): string | undefined {
  if (month) {
    const d = parseMonthOrDate(v);
    if (!d.ok) return undefined;
    return parseDate(v).ok ? formatDay(d.day) : formatDay(d.day).slice(0, 7);
  }
  const d = parseDate(v);
  return d.ok ? formatDay(d.day) : undefined;
}

/** The date fields of a YAML list of records (orgs.yaml, members.yaml …): `keys` of every entry. */
export function dateFieldsOf(value: RawValue | undefined, keys: Readonly<Record<string, 'date' | 'month'>>): DateField[] {
  if (!Array.isArray(value)) return [];
  const out: DateField[] = [];
  value.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
    for (const [k, v] of Object.entries(item)) {
      const kind = keys[k];
      if (kind !== undefined && typeof v === 'string') out.push({ path: [i, k], month: kind === 'month' });
    }
  });
  return out;
}

/** The canonical text of a YAML file, given its parse and where its date fields are. */
export function canonicalYaml(text: string, doc: YamlDoc, dates: readonly DateField[], value: (path: Path) => unknown): string {
  const crlf = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1));
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (const f of dates) {
    const v = value(f.path);
    if (typeof v !== 'string') continue;
    const canon = canonicalDate(v, f.month);
    if (canon === undefined || canon === v) continue;
    const at = doc.locate(f.path);
    const line = lines[at.line - 1];
    if (line === undefined) continue;
    const from = Math.max(0, at.column - 1);
    const k = line.indexOf(v, from);
    if (k < 0) continue;
    lines[at.line - 1] = line.slice(0, k) + canon + line.slice(k + v.length);
  }
  const body = lines.map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
  const out = body === '' ? '' : body + '\n';
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

/** The value at a path of a plain tree. */
export function valueAt(root: RawValue | undefined, path: Path): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
