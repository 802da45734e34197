// A Stryker ignorer for sampled runs (scripts/mutation-sample.mjs): a node is left unmutated when
// neither it nor anything inside it is a sampled mutant. The sample config's `mutate` ranges
// select the sampled nodes, but a range also takes in every node inside it (a function body's
// block holds hundreds of mutants); with this ignorer only the sampled ones, and the few nodes
// between two nested sampled ones, are tested.
import { readFileSync } from 'node:fs';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const file = process.env.MJ_STRYKER_SAMPLE ?? 'mutation/sample.json';
/** Sampled locations (0-based lines and columns, as Babel's) by source path under src/. */
const byFile = new Map();
for (const s of JSON.parse(readFileSync(file, 'utf8'))) {
  const list = byFile.get(s.file) ?? [];
  list.push(s.location);
  byFile.set(s.file, list);
}
const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'not-sampled', {
    shouldIgnore(path) {
      const name = String(path.hub?.file?.opts?.filename ?? '');
      const rel = name.slice(name.lastIndexOf('/src/') + 1);
      const loc = path.node.loc;
      if (!loc) return undefined;
      // Babel's lines are 1-based; the sample's are the instrumenter's 0-based ones.
      const start = { line: loc.start.line - 1, column: loc.start.column };
      const end = { line: loc.end.line - 1, column: loc.end.column };
      const inside = (byFile.get(rel) ?? []).some((s) => before(start, s.start) && before(s.end, end));
      return inside ? undefined : 'not in the sample';
    },
  }),
];
