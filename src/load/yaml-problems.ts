// Turns the YAML reader's problems into diagnostics on their file.

import type { YamlProblem } from '../source/yaml.js';
import type { LoadContext } from './context.js';

export function reportYamlProblems(ctx: LoadContext, file: string, problems: readonly YamlProblem[]): void {
  for (const p of problems) {
    const at = { file, line: p.line, column: p.column };
    switch (p.kind) {
      case 'syntax':
        ctx.report({ code: 'MJ110', ...at, params: { detail: p.detail } });
        break;
      case 'duplicate-key':
        ctx.report({ code: 'MJ111', ...at, params: { key: p.key }, span: p.key.length });
        break;
      case 'alias-limit':
        ctx.report({ code: 'MJ112', ...at, params: { what: '@aliases', limit: p.limit } });
        break;
      case 'size-limit':
        ctx.report({ code: 'MJ112', ...at, params: { what: '@nodes', limit: p.limit } });
        break;
      case 'depth-limit':
        ctx.report({ code: 'MJ112', ...at, params: { what: '@depth', limit: p.limit } });
        break;
      case 'tab-indent':
        ctx.report({ code: 'MJ131', ...at });
        break;
      case 'full-width-colon':
        ctx.report({ code: 'MJ132', ...at, params: { key: p.key }, span: 1 });
        break;
    }
  }
}
