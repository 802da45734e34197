// The full YAML reader (the yaml library): any YAML, with its problems reported, limits on
// aliases, size and depth. Loaded only for files the fast reader (yaml-fast.ts) leaves to it.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';

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
  // Each alias's anchor, found in one pass (the library's own lookup searches the whole
  // document for every alias: the square of a file that reuses one anchor on every entry).
  // A document whose only errors are repeated keys is still read (the first of each pair wins,
  // where locate points), so the rest of the file is checked in the same run.
  const readable = doc !== undefined && doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  const targets = doc && readable ? anchorTargets(doc) : new Map<Alias, Node | undefined>();
  const at = (node: unknown): { line: number; column: number } => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? position(r[0]) : { line: 1, column: 1 };
  };
  let value: RawValue | undefined;
  if (doc && readable && doc.contents !== null) {
    // The expanded size is measured on the document before anything is built from it, so an
    // alias bomb costs the time and memory of its text, not of its expansion.
    const measured = measure(doc.contents, targets, limits.maxNodes);
    const problem: YamlProblem | undefined = 'cycle' in measured
      ? { kind: 'syntax', ...at(measured.cycle), detail: '@yaml:BAD_ALIAS' }
      : measured.sizes.get(doc.contents)! > limits.maxNodes
        ? { kind: 'size-limit', ...at(whereTooLarge(doc.contents, measured.sizes, limits.maxNodes)), limit: limits.maxNodes }
        : undefined;
    if (problem) problems.push(problem);
    else {
      let aliases = 0;
      const convert = (node: unknown, depth: number): RawValue => {
        if (depth > limits.maxDepth) throw new Limit({ kind: 'depth-limit', ...at(node), limit: limits.maxDepth });
        if (isAlias(node)) {
          if (++aliases > limits.maxAliases) throw new Limit({ kind: 'alias-limit', ...at(node), limit: limits.maxAliases });
          return convert(targets.get(node), depth);
        }
        if (isScalar(node)) {
          const v = node.value;
          if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
          if (typeof v === 'boolean' || typeof v === 'string') return v;
          if (v === null || v === undefined) return null;
          return String(v);
        }
        if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
        if (isMap(node)) {
          const out: { [key: string]: RawValue } = Object.create(null) as { [key: string]: RawValue };
          for (const pair of node.items) {
            const k = isScalar(pair.key) ? (pair.key.source ?? String(pair.key.value)) : String(pair.key);
            if (!(k in out)) out[k] = convert(pair.value, depth + 1);
          }
          return out;
        }
        return null;
      };
      try {
        value = convert(doc.contents, 0);
      } catch (e) {
        if (!(e instanceof Limit)) throw e;
        problems.push(e.problem);
        value = undefined;
      }
    }
  }

  const nodeAt = (path: Path): Node | undefined => {
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    for (const key of path) {
      if (isAlias(node)) node = targets.get(node);
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

/**
 * The node each alias stands for: the last node before it, in document order, that carries its
 * anchor (YAML lets an anchor be defined again). One pass over the document.
 */
function anchorTargets(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const latest = new Map<string, Node>();
  const out = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) out.set(node, latest.get(node.source));
      else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return out;
}

/**
 * The expanded size of every node — itself plus everything below it, an alias counting as
 * itself plus its anchor's node — held at max + 1, in one post-order pass without recursion.
 * An anchor's node always comes before its aliases, so it is measured first; one still being
 * measured is an alias inside its own anchor (a cycle).
 */
function measure(root: unknown, targets: ReadonlyMap<Alias, Node | undefined>, max: number): { sizes: Map<unknown, number> } | { cycle: unknown } {
  const sizes = new Map<unknown, number>();
  const children = (node: unknown): unknown[] => (isSeq(node) ? node.items : isMap(node) ? node.items.map((p) => p.value) : []);
  const stack: { node: unknown; next: number; kids: unknown[]; size: number }[] = [];
  const open = new Set<unknown>();
  const enter = (node: unknown): unknown => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (target === undefined || open.has(target)) return node;
      sizes.set(node, Math.min(max + 1, 1 + (sizes.get(target) ?? 0)));
      return undefined;
    }
    if (sizes.has(node)) return undefined; // a node reached twice (it never is, but cheaply safe)
    stack.push({ node, next: 0, kids: children(node), size: 1 });
    open.add(node);
    return undefined;
  };
  const bad = enter(root);
  if (bad !== undefined) return { cycle: bad };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++];
      const cycle = enter(kid);
      if (cycle !== undefined) return { cycle };
      if (sizes.has(kid)) top.size = Math.min(max + 1, top.size + sizes.get(kid)!);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size = Math.min(max + 1, parent.size + top.size);
  }
  return { sizes };
}

/**
 * Where a document too large when expanded passes the limit: going down from the root, the
 * first node whose expansion takes the count over it — an alias, in an alias bomb.
 */
function whereTooLarge(root: unknown, sizes: ReadonlyMap<unknown, number>, max: number): unknown {
  let node = root;
  let count = 0;
  for (;;) {
    if (isAlias(node)) return node;
    count++;
    const kids = isSeq(node) ? node.items : isMap(node) ? node.items.map((p) => p.value) : [];
    let next: unknown;
    for (const kid of kids) {
      const size = sizes.get(kid) ?? 0;
      if (count + size > max) {
        next = kid;
        break;
      }
      count += size;
    }
    if (next === undefined || next === null) return node;
    node = next;
  }
}
