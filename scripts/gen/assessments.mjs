// assessments/YEAR.csv for each year: the panel's points for the example rubric's one manual
// item (panel, 考评组综合评价, max 5), and the branch's own, usually a little higher.
import fs from 'node:fs';
import path from 'node:path';
import { yearFirstDay, yearLastDay } from './calendar.mjs';
import { Out } from './output.mjs';
import { Rng } from './random.mjs';

/** Writes assessments/Y.csv to its .tmp (creating the folder) and returns it closed. */
export function writeAssessments(ctx, dir, Y, branches) {
  const yS = yearFirstDay(Y), yE = yearLastDay(Y);
  const rng = new Rng(ctx.seed, 'assessments', Y);
  fs.mkdirSync(path.join(dir, 'assessments'), { recursive: true });
  const o = new Out(path.join(dir, 'assessments', `${Y}.csv`));
  o.w('组织,项目,考评组审核得分,支部自评得分,备注\n');
  for (const b of branches) {
    if ((b.est != null && b.est > yE) || (b.dis != null && b.dis < yS)) continue;
    const points = 2.5 + rng.int(0, 5) * 0.5; // 2.5 … 5
    const self = Math.min(5, points + rng.int(0, 2) * 0.5);
    const note = b.est != null && b.est >= yS ? '成立不满一年' : '';
    o.w(`${b.id},panel,${points},${rng.chance(0.85) ? self : ''},${note}\n`);
  }
  return o.close();
}
