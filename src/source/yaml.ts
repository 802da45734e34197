// Reading YAML with positions. A document becomes a plain tree where every scalar that YAML
// would read as a number keeps its source text ("0012" stays "0012", "2.5" stays exact). Any
// node or its nearest ancestor can be located (line, column) from a path, which is how schema
// problems get their positions. Plain data files go through the fast reader; anything else
// through the full YAML library, loaded only then.

import { parseSimpleYaml } from './yaml-fast.js';

export type RawValue = string | boolean | null | RawValue[] | { [key: string]: RawValue };

export interface YamlLimits {
  /** Alias expansions allowed in one document. */
  readonly maxAliases: number;
  /** Nodes the plain tree may hold after aliases are expanded. */
  readonly maxNodes: number;
  /** Nesting depth. */
  readonly maxDepth: number;
}

/**
 * What stops an alias bomb is the expanded size (measured before anything is built), not the
 * number of aliases: a plain orgs.yaml may reuse one anchor on every entry (`parent: *gy`).
 */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliases: 100_000, maxNodes: 5_000_000, maxDepth: 64 };

export type YamlProblem =
  | { kind: 'syntax'; line: number; column: number; detail: string }
  | { kind: 'duplicate-key'; line: number; column: number; key: string }
  | { kind: 'alias-limit'; line: number; column: number; limit: number }
  | { kind: 'size-limit'; line: number; column: number; limit: number }
  | { kind: 'depth-limit'; line: number; column: number; limit: number }
  | { kind: 'tab-indent'; line: number; column: number }
  | { kind: 'full-width-colon'; line: number; column: number; key: string };

export type Path = readonly (string | number)[];

export interface YamlDoc {
  /** The plain tree, or undefined when the document is empty or could not be read. */
  readonly value: RawValue | undefined;
  readonly problems: readonly YamlProblem[];
  /** Line and column of the node at `path`, or of its nearest existing ancestor. */
  locate(path: Path): { line: number; column: number };
  /** Line and column of the key of the pair at `path` (for unknown keys), else as locate. */
  locateKey(path: Path): { line: number; column: number };
}

const NOWHERE = (): { line: number; column: number } => ({ line: 0, column: 0 });

/**
 * The two mistakes of a YAML file typed in a Chinese editor, named as such rather than as the
 * parse errors they cause: tab indentation, and a key followed by the full-width colon ：.
 */
export function yamlMistakes(text: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = /^[ \t]*/.exec(line)![0];
    const rest = line.slice(indent.length);
    if (rest === '' || rest.startsWith('#')) return;
    const tab = indent.indexOf('\t');
    if (tab >= 0) {
      out.push({ kind: 'tab-indent', line: k + 1, column: tab + 1 });
      return;
    }
    const m = /^((?:-[ \t]+)*)([A-Za-z_][\w-]*)[ \t]*：/.exec(rest);
    if (m) out.push({ kind: 'full-width-colon', line: k + 1, column: indent.length + m[0].length, key: m[2]! });
  });
  return out;
}

export async function parseYaml(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): Promise<YamlDoc> {
  const mistakes = yamlMistakes(text);
  if (mistakes.length > 0) return { value: undefined, problems: mistakes, locate: NOWHERE, locateKey: NOWHERE };
  const fast = parseSimpleYaml(text, limits.maxDepth, limits.maxNodes);
  if (fast) return { value: fast.value, problems: [], locate: fast.locate, locateKey: fast.locateKey };
  const { parseYamlFull } = await import('./yaml-full.js');
  return parseYamlFull(text, limits);
}
