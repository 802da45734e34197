// The rule of mj.yaml's `training:` that a year holds a 新会员培训班: MJ701 (a warning, at the
// `training` key) for a year with duty records and none. Used by validate, stats trainings and report.

import { CONFIG_FILE } from '../load/config.js';
import type { LoadContext } from '../load/context.js';
import type { Dataset } from '../load/dataset.js';

export function checkNewMemberCourse(ctx: LoadContext, ds: Dataset, year: number, courses: number): void {
  const rule = ds.config.training;
  if (!rule.requireNewMemberCourse || courses > 0) return;
  const at = ds.config.trainingAt ?? { line: 1, column: 1 };
  ctx.report({ code: 'MJ701', file: CONFIG_FILE, line: at.line, column: at.column, field: 'training', span: 'training'.length, params: { year, tags: rule.newMemberTags.join('/') } });
}
