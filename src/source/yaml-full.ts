// The full YAML reader (the yaml library): any YAML, with its problems reported, limits on
// aliases, size and depth. Loaded only for files the fast reader (yaml-fast.ts) leaves to it.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

import type { Path, RawValue, YamlDoc, YamlLimits, YamlProblem } from './yaml.js';

class Limit extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.kind);
  }
}

export function parseYamlFull(text: string, limits: YamlLimits): YamlDoc {
  const lc = new LineCounter();
  const problems: YamlProblem[] = [];
  const position = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc: Document.Parsed | undefined;
  // Nesting is measured before the library sees the text: it recurses, and how deep it gets
  // before the stack runs out varies from run to run — the answer must not.
  const deep = tooDeep(text, limits.maxDepth);
  if (deep) {
    problems.push({ kind: 'depth-limit', ...position(deep.offset), limit: limits.maxDepth });
    return { value: undefined, problems, locate: () => ({ line: 1, column: 1 }), locateKey: () => ({ line: 1, column: 1 }) };
  }
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    if (e instanceof RangeError) problems.push({ kind: 'depth-limit', line: 1, column: 1, limit: limits.maxDepth });
    else problems.push({ kind: 'syntax', line: 1, column: 1, detail: '@yaml:UNEXPECTED_TOKEN' });
  }
  if (doc) {
    for (const err of doc.errors) {
      // An error at the end of the text points at the last character written.
      let offset = Math.min(err.pos[0], Math.max(0, text.length - 1));
      while (offset > 0 && (text[offset] === '\n' || text[offset] === '\r')) offset--;
      const at = position(offset);
      if (err.code === 'DUPLICATE_KEY') {
        problems.push({ kind: 'duplicate-key', ...at, key: keyAt(text, err.pos[0]) });
      } else {
        // The library calls a missing ] or } "bad indentation"; its message says which it is.
        const code = /end with a [\]}]/.test(err.message) ? 'MISSING_CHAR' : err.code;
        problems.push({ kind: 'syntax', ...at, detail: `@yaml:${code}` });
      }
    }
  }
  let value: RawValue | undefined;
  if (doc && doc.errors.length === 0 && doc.contents !== null) {
    const d = doc;
    let aliases = 0;
    let nodes = 0;
    const convert = (node: unknown, depth: number, active: Set<unknown>): RawValue => {
      if (++nodes > limits.maxNodes) throw new Limit({ kind: 'size-limit', ...at(node), limit: limits.maxNodes });
      if (depth > limits.maxDepth) throw new Limit({ kind: 'depth-limit', ...at(node), limit: limits.maxDepth });
      if (isAlias(node)) {
        if (++aliases > limits.maxAliases) throw new Limit({ kind: 'alias-limit', ...at(node), limit: limits.maxAliases });
        const target = node.resolve(d);
        if (target === undefined || active.has(target)) {
          throw new Limit({ kind: 'syntax', ...at(node), detail: '@yaml:BAD_ALIAS' });
        }
        active.add(target);
        const v = convert(target, depth, active);
        active.delete(target);
        return v;
      }
      if (isScalar(node)) {
        const v = node.value;
        if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
        if (typeof v === 'boolean' || typeof v === 'string') return v;
        if (v === null || v === undefined) return null;
        return String(v);
      }
      if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1, active));
      if (isMap(node)) {
        const out: { [key: string]: RawValue } = Object.create(null) as { [key: string]: RawValue };
        for (const pair of node.items) {
          const k = isScalar(pair.key) ? (pair.key.source ?? String(pair.key.value)) : String(pair.key);
          out[k] = convert(pair.value, depth + 1, active);
        }
        return out;
      }
      return null;
    };
    const at = (node: unknown): { line: number; column: number } => {
      const r = (node as { range?: [number, number, number] } | null)?.range;
      return r ? position(r[0]) : { line: 1, column: 1 };
    };
    try {
      value = convert(doc.contents, 0, new Set());
    } catch (e) {
      if (!(e instanceof Limit)) throw e;
      problems.push(e.problem);
      value = undefined;
    }
  }

  const nodeAt = (path: Path): Node | undefined => {
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    for (const key of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.source ?? p.key.value) === String(key));
        node = pair?.value ?? undefined;
      } else return undefined;
      if (node === undefined || node === null) return undefined;
    }
    return node as Node;
  };

  const locate = (path: Path): { line: number; column: number } => {
    for (let len = path.length; len >= 0; len--) {
      const node = nodeAt(path.slice(0, len));
      const r = (node as { range?: [number, number, number] } | undefined)?.range;
      if (r) return position(r[0]);
      // A key present with an empty value: point at the key.
      if (len > 0 && doc) {
        const parent = nodeAt(path.slice(0, len - 1));
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.source ?? p.key.value) === String(path[len - 1]));
          const kr = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (kr) return position(kr[0]);
        }
      }
    }
    return { line: 1, column: 1 };
  };

  const locateKey = (path: Path): { line: number; column: number } => {
    if (path.length > 0) {
      const parent = nodeAt(path.slice(0, -1));
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.source ?? p.key.value) === String(path[path.length - 1]));
        const kr = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (kr) return position(kr[0]);
      }
    }
    return locate(path);
  };

  return { value, problems, locate, locateKey };
}


/** The key written at offset: up to its colon, without quotes. */
function keyAt(text: string, offset: number): string {
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|([^:\n#]*?))\s*:/.exec(text.slice(offset, offset + 1100));
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? text.slice(offset, offset + 1)).trim();
}

/**
 * Where the text nests deeper than `max`: flow brackets ([ {) outside quotes and comments, or
 * block indentation beyond what `max` levels can use. Undefined when it does not.
 */
function tooDeep(text: string, max: number): { offset: number } | undefined {
  let depth = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        if (indent > max * 4) return { offset: i };
        continue;
      }
      lineStart = false;
    }
    if (c === '\n') {
      // Quotes and comments end with their line here (an unterminated quote must not hide the
      // brackets after it).
      lineStart = true;
      indent = 0;
      quote = '';
      continue;
    }
    if (quote !== '') {
      if (c === quote && quote !== '#') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > max) return { offset: i };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
