// A fast reader for the plain YAML that data files are written in: block sequences and
// mappings by indentation, plain or quoted scalars, one-line flow collections, comments.
// It gives the same tree as the full reader (numbers kept as their source text) with the same
// positions. Anything beyond that subset — anchors, aliases, tags, block scalars, escapes,
// multi-line flow collections, tabs, duplicate keys — returns undefined, and the full YAML
// library reads the file instead (and reports its problems). Pure.

import type { Path, RawValue } from './yaml.js';

export interface SimpleYaml {
  readonly value: RawValue | undefined;
  locate(path: Path): { line: number; column: number };
  locateKey(path: Path): { line: number; column: number };
}

class Unsupported extends Error {}

interface Pos {
  line: number;
  column: number;
}

/** Where a node (and its key, in a mapping) was written, and its children by key or index. */
interface Rec {
  pos: Pos | undefined;
  key: Pos | undefined;
  kids: Map<string | number, Rec> | undefined;
}

const newRec = (): Rec => ({ pos: undefined, key: undefined, kids: undefined });

/** The record of a child (made on first use): a number for an item, a string for a key, as paths name them. */
function kid(r: Rec, seg: string | number): Rec {
  const kids = (r.kids ??= new Map());
  let k = kids.get(seg);
  if (k === undefined) kids.set(seg, (k = newRec()));
  return k;
}

interface Line {
  /** 1-based line number. */
  readonly no: number;
  readonly indent: number;
  /** Text after the indentation, comments not yet removed. */
  readonly text: string;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);

/** Plain scalar as the core schema reads it: null, boolean, or its text (numbers stay text). */
function plain(text: string): RawValue {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  // An indicator first (YAML's c-indicator): not a plain scalar; the full reader decides.
  if (/^[,[\]{}#&*!|>'"%@`]/.test(text) || /^[-?:](\s|$)/.test(text)) throw new Unsupported();
  return text;
}

/** A key for paths: what the full reader's map would use (source text of a plain key). */
const keyOf = (s: string): string => s;

export function parseSimpleYaml(text: string, maxDepth: number, maxNodes: number): SimpleYaml | undefined {
  try {
    return new Reader(text, maxDepth, maxNodes).read();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  private nodes = 0;
  /** Positions of the nodes and keys, as a tree beside the value (no path is ever joined into a key). */
  private readonly root: Rec = newRec();

  constructor(text: string, private readonly maxDepth: number, private readonly maxNodes: number) {
    if (text.includes('\t') || text.includes('\r') || text.startsWith('\uFEFF')) throw new Unsupported();
    const raw = text.split('\n');
    raw.forEach((l, k) => {
      const indent = l.length - l.trimStart().length;
      const body = l.slice(indent);
      if (body === '' || body.startsWith('#')) return;
      if (body === '---' || body === '...' || body.startsWith('%')) throw new Unsupported();
      this.lines.push({ no: k + 1, indent, text: body });
    });
  }

  read(): SimpleYaml {
    const value = this.lines.length === 0 ? undefined : this.block(this.lines[0]!.indent, this.root, 0);
    if (this.i < this.lines.length) throw new Unsupported();
    const root = this.root;
    /** The node at the longest prefix of `path` that was written. */
    const locate = (path: Path): Pos => {
      let best = root.pos;
      let r: Rec | undefined = root;
      for (const seg of path) {
        r = r.kids?.get(seg);
        if (r === undefined) break;
        if (r.pos) best = r.pos;
      }
      return best ?? { line: 1, column: 1 };
    };
    const locateKey = (path: Path): Pos => {
      let r: Rec | undefined = root;
      for (const seg of path) {
        r = r.kids?.get(seg);
        if (r === undefined) break;
      }
      return r?.key ?? locate(path);
    };
    return { value, locate, locateKey };
  }

  private mark(node: Rec, pos: Pos): void {
    if (++this.nodes > this.maxNodes) throw new Unsupported();
    node.pos = pos;
  }

  /** A block node whose lines start at `indent`. */
  private block(indent: number, node: Rec, depth: number): RawValue {
    if (depth > this.maxDepth) throw new Unsupported();
    const first = this.lines[this.i]!;
    if (first.indent !== indent) throw new Unsupported();
    if (first.text === '-' || first.text.startsWith('- ')) return this.sequence(indent, node, depth);
    return this.mapping(indent, node, depth, undefined);
  }

  private sequence(indent: number, node: Rec, depth: number): RawValue[] {
    const out: RawValue[] = [];
    this.mark(node, { line: this.lines[this.i]!.no, column: indent + 1 });
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent || !(l.text === '-' || l.text.startsWith('- '))) throw new Unsupported();
      const itemPath = kid(node, out.length);
      const rest = l.text === '-' ? '' : l.text.slice(2);
      const restTrim = rest.trimStart();
      const col = indent + 3 + (rest.length - restTrim.length);
      if (restTrim === '' || restTrim.startsWith('#')) {
        this.i++;
        const next = this.lines[this.i];
        if (next && next.indent > indent) out.push(this.block(next.indent, itemPath, depth + 1));
        else {
          this.mark(itemPath, { line: l.no, column: indent + 1 });
          out.push(null);
        }
        continue;
      }
      if (restTrim.startsWith('- ')) throw new Unsupported(); // a sequence in a sequence on one line
      const key = this.splitKey(restTrim);
      if (key) {
        // "- key: value" opens a mapping whose keys sit at the column after "- ".
        out.push(this.mapping(col - 1, itemPath, depth + 1, { line: l.no, text: restTrim }));
      } else {
        this.i++;
        out.push(this.inline(restTrim, itemPath, { line: l.no, column: col }, depth + 1));
      }
    }
    return out;
  }

  /** A mapping at `indent`; `firstLine` is its first key's text when it began after "- ". */
  private mapping(indent: number, node: Rec, depth: number, firstLine: { line: number; text: string } | undefined): RawValue {
    if (depth > this.maxDepth) throw new Unsupported();
    const out: { [key: string]: RawValue } = Object.create(null) as { [key: string]: RawValue };
    let start: Pos | undefined;
    let first = firstLine;
    for (;;) {
      let lineNo: number;
      let body: string;
      if (first) {
        lineNo = first.line;
        body = first.text;
        first = undefined;
      } else {
        const l = this.lines[this.i];
        if (!l || l.indent < indent) break;
        if (l.indent > indent) throw new Unsupported();
        lineNo = l.no;
        body = l.text;
      }
      this.i++;
      const kv = this.splitKey(body);
      if (!kv) throw new Unsupported();
      const key = keyOf(kv.key);
      if (key in out) throw new Unsupported(); // duplicate: the full reader reports it
      const keyPos = { line: lineNo, column: indent + 1 };
      start ??= keyPos;
      const childPath = kid(node, key);
      childPath.key = keyPos;
      const rest = kv.rest.trimStart();
      if (rest === '' || rest.startsWith('#')) {
        const next = this.lines[this.i];
        if (next && (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))))) {
          out[key] = next.indent === indent ? this.sequence(indent, childPath, depth + 1) : this.block(next.indent, childPath, depth + 1);
        } else {
          // An empty value sits where it would have been written.
          this.mark(childPath, { line: lineNo, column: indent + 1 + (body.length - rest.length) });
          out[key] = null;
        }
      } else {
        const col = indent + 1 + (body.length - rest.length);
        out[key] = this.inline(rest, childPath, { line: lineNo, column: col }, depth + 1);
      }
    }
    this.mark(node, start ?? { line: 1, column: 1 });
    return out;
  }

  /** "key: rest" with a plain key, or undefined when the text is not a key line. */
  private splitKey(body: string): { key: string; rest: string } | undefined {
    if (body.startsWith('"') || body.startsWith("'") || body.startsWith('[') || body.startsWith('{')) {
      if (body.startsWith('"') || body.startsWith("'")) throw new Unsupported(); // quoted keys: the full reader
      return undefined;
    }
    const m = /^([^\s:#][^:#]*?):(?: |$)/.exec(body);
    if (!m) {
      if (/^[^\s#]*:[^\s]/.test(body) || body.includes(': ')) throw new Unsupported();
      return undefined;
    }
    return { key: m[1]!, rest: body.slice(m[0].length) };
  }

  /** A value written on one line: a scalar or a one-line flow collection, then maybe a comment. */
  private inline(text: string, node: Rec, pos: Pos, depth: number): RawValue {
    if (depth > this.maxDepth) throw new Unsupported();
    const c = text[0];
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(text, 0, node, pos, depth);
      this.trailing(text.slice(end));
      return value;
    }
    this.mark(node, pos);
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, 0);
      this.trailing(text.slice(end));
      return value;
    }
    const hash = text.search(/\s#/);
    const v = (hash >= 0 ? text.slice(0, hash) : text).trimEnd();
    if (/: |:$/.test(v)) throw new Unsupported();
    return plain(v);
  }

  private trailing(rest: string): void {
    if (rest.trim() === '') return;
    if (!/^\s+#/.test(rest)) throw new Unsupported(); // a comment needs a space before its #
  }

  /** A flow collection starting at text[k]; returns the value and the index after it. */
  private flow(text: string, k: number, node: Rec, base: Pos, depth: number): { value: RawValue; end: number } {
    if (depth > this.maxDepth) throw new Unsupported();
    const open = text[k]!;
    const close = open === '[' ? ']' : '}';
    this.mark(node, { line: base.line, column: base.column + k });
    const items: RawValue[] = [];
    const map: { [key: string]: RawValue } = Object.create(null) as { [key: string]: RawValue };
    let i = k + 1;
    const skip = (): void => {
      while (text[i] === ' ') i++;
    };
    for (;;) {
      skip();
      if (i >= text.length) throw new Unsupported(); // continues on the next line
      if (text[i] === close) return { value: open === '[' ? items : map, end: i + 1 };
      if (open === '{') {
        const m = /^([^\s:,{}[\]#"'][^:,{}[\]#]*?):(?: |(?=[,}]))/.exec(text.slice(i));
        if (!m) throw new Unsupported();
        const key = m[1]!;
        if (key in map) throw new Unsupported();
        const keyCol = base.column + i;
        i += m[0].length;
        skip();
        const childPath = kid(node, key);
        childPath.key = { line: base.line, column: keyCol };
        map[key] = this.flowValue(text, () => i, (n) => (i = n), childPath, base, depth + 1, close);
      } else {
        items.push(this.flowValue(text, () => i, (n) => (i = n), kid(node, items.length), base, depth + 1, close));
      }
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) return { value: open === '[' ? items : map, end: i + 1 };
      throw new Unsupported();
    }
  }

  private flowValue(text: string, get: () => number, set: (n: number) => void, node: Rec, base: Pos, depth: number, close: string): RawValue {
    const i = get();
    const c = text[i];
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(text, i, node, base, depth);
      set(end);
      return value;
    }
    this.mark(node, { line: base.line, column: base.column + i });
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, i);
      set(end);
      return value;
    }
    let j = i;
    while (j < text.length && text[j] !== ',' && text[j] !== close) {
      if (text[j] === '#' || text[j] === '[' || text[j] === '{' || text[j] === ']' || text[j] === '}') throw new Unsupported();
      if (text[j] === ':' && (j + 1 >= text.length || ' ,]}'.includes(text[j + 1]!))) throw new Unsupported();
      j++;
    }
    set(j);
    const v = text.slice(i, j).trim();
    if (v === '') throw new Unsupported(); // [,] or { a: }: the full reader decides
    return plain(v);
  }
}

/** A quoted scalar at text[k] without escapes ('' in single quotes is the one allowed). */
function quoted(text: string, k: number): { value: string; end: number } {
  const q = text[k]!;
  let out = '';
  let i = k + 1;
  for (;;) {
    const j = text.indexOf(q, i);
    if (j < 0) throw new Unsupported();
    const part = text.slice(i, j);
    if (q === '"' && part.includes('\\')) throw new Unsupported();
    out += part;
    if (q === "'" && text[j + 1] === "'") {
      out += "'";
      i = j + 2;
      continue;
    }
    return { value: out, end: j + 1 };
  }
}
