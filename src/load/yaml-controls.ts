// Control characters in the structured YAML files (mj.yaml, orgs.yaml, rubrics/YEAR.yaml): every
// string of the tree is looked at, each one holding a control character is reported at its
// value (MJ214), and the tree comes back without them, so the schema and the checks judge what
// the clerk meant to write. The same tree when there are none.

import type { RawValue, YamlDoc } from '../source/yaml.js';
import { codePointName, findControl, withoutControls } from '../util/control-chars.js';
import type { LoadContext } from './context.js';

export function withoutControlChars(ctx: LoadContext, file: string, doc: YamlDoc, value: RawValue | undefined): RawValue | undefined {
  const walk = (v: RawValue, path: (string | number)[], label: string): RawValue => {
    if (typeof v === 'string') {
      const at = findControl(v, true);
      if (at < 0) return v;
      ctx.report({
        code: 'MJ214', file, ...doc.locate(path), field: path.filter((k) => typeof k === 'string').join('.'), label,
        params: { label, char: codePointName(v.charCodeAt(at)) },
      });
      return withoutControls(v, true);
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let out: RawValue[] | undefined;
      v.forEach((x, k) => {
        const y = walk(x, [...path, k], label);
        if (y !== x) (out ??= [...v])[k] = y;
      });
      return out ?? v;
    }
    let out: { [key: string]: RawValue } | undefined;
    for (const [key, x] of Object.entries(v)) {
      const y = walk(x, [...path, key], key);
      if (y !== x) (out ??= Object.assign(Object.create(null) as { [key: string]: RawValue }, v))[key] = y;
    }
    return out ?? v;
  };
  return value === undefined ? undefined : walk(value, [], file);
}
