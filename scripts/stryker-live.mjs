// A Stryker reporter that appends every tested mutant to a file as soon as it is tested
// (mutation/live.jsonl), so a long run that is stopped still leaves its results, and survivors
// can be worked on while the run goes on. `node scripts/mutation-summary.mjs` sums the file.
import { appendFileSync, mkdirSync } from 'node:fs';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

const file = process.env.MJ_STRYKER_LIVE ?? 'mutation/live.jsonl';

class LiveReporter {
  static inject = [];
  constructor() {
    mkdirSync(file.replace(/\/[^/]*$/, ''), { recursive: true });
  }
  onMutantTested(m) {
    const row = {
      file: m.fileName,
      line: m.location.start.line,
      column: m.location.start.column,
      mutator: m.mutatorName,
      replacement: m.replacement,
      status: m.status,
    };
    appendFileSync(file, JSON.stringify(row) + '\n');
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'live', LiveReporter)];
