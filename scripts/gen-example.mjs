#!/usr/bin/env node
/**
 * gen-example.mjs — seeded, deterministic generator of the example dataset of mj.
 *
 * What it writes (into --out, default data-examples/guizhou/ beside this repository's root):
 *   mj.yaml               name 民进贵州省委, locale zh-CN
 *   orgs.yaml             民进贵州省委 → 省直支部, 9 市州委会 + 贵安新区工委 → 总支 → 支部 (depth first),
 *                         with committees (支委会) and liaisons (领导联系基层)
 *   members.csv           the roster with the Chinese headers of spec.md §1
 *   activities/YEAR.csv   one year's duty records (履职记录) for each --years, liaisons' visits and
 *                         committee meetings (主委会, 常委会) among them
 *   assessments/YEAR.csv  the panel's and the branches' own points for each of --years
 *   transfers.csv         members moving between branches (转接), within the years
 *   reserve.csv           the reserve pool's stays (后备干部, 代表人士)
 *   liaisons.csv          机关干部 keeping contact with the 省直支部
 *   leaders.csv           the 领导班子 of the 省委会 and the 市州委会/工委, with the seats' days
 *   reviews/YEAR.csv      the year's 述职述评 (and the 省委会's 年度考核)
 *   inspections.csv       the 政治巡查 of the 市州 committees from 2018; findings.csv their 整改
 * It never deletes anything: other files (rubrics/, reports/, other years) are left alone.
 * Each file is written to FILE.tmp and renamed over FILE when complete.
 *
 * Run:   npm run gen:example                 (rebuilds data-examples/guizhou byte for byte)
 *        node scripts/gen-example.mjs --members 200000 --out /tmp/mj-national
 * Options:
 *   --out DIR        output folder (default: <repo>/data-examples/guizhou)
 *   --members N      members on the roster on 2019-10-10 (default 4462); branches scale with N
 *   --seed S         any text (default guizhou-2019)
 *   --years LIST     comma list of activity years (default 2017,2018,2019)
 *   --density F      multiplies the number of activity records per branch and per member
 *                    (default 1: realistic volumes; use it to make stress files)
 *
 * Invariants (checked before the files are renamed into place; a failure exits 1):
 *   - Same options → same bytes, on every run and machine: one seeded sfc32 stream per purpose,
 *     integer day arithmetic (no Date, no clock, no Math.random, no locale), UTF-8 without BOM, LF.
 *   - On the roster on 2019-10-10 (joined ≤ that day, and 在册 or 离会时间 > that day) there are
 *     exactly N members, of whom round(N·1071/4462) hold 正高级 or 副高级 and round(N·94/4462)
 *     hold 博士 — at the default scale 4462, 1071 (24.0%) and 94, the figures of the 2019 report
 *     of 民进贵州省委 (shared/seed/article.zh.txt).
 *   - orgs: unique ASCII ids, one root, parents exist and precede their children; members belong to
 *     支部 only; a dissolved branch (one, in 2018) has no member left after its dissolution;
 *     committee and liaison ids are members on the roster on 2019-12-31.
 *   - members: every non-在册 member has a 离会时间 after the 入会时间; 在册 members have none.
 *   - activities: ids unique within the year, dates inside the year, rows sorted by date then id;
 *     the credited org existed on that date; every listed member was on the roster that day
 *     (a member who left on D is gone on D).
 * Prints one summary line on stderr; nothing on stdout.
 *
 * Code (scripts/gen/, in pipeline order; this file only parses, runs the stages and exits):
 *   options.mjs          the command line → options and the context (ctx) every stage reads
 *   random.mjs           seeded sfc32 streams and sampling;  calendar.mjs  day numbers, holidays
 *   vocab/               org templates, employers, names, record titles and column values
 *   org-tree.mjs         the org tree at the scale of --members, and the branch sizes
 *   on-roster.mjs        the roster rule (the same as onRoster in src/model/types.ts)
 *   roster.mjs           the members (qualifications.mjs: 学历, 学位, 职称 to the targets)
 *   leadership.mjs       committees, liaisons, 政治安排, 后备干部
 *   history.mjs          moves between branches, the reserve pool's stays
 *   practices.mjs        liaisons, seats, reviews, inspections and their 整改
 *   activities/          one year's duty records: branch.mjs, committees.mjs, practices.mjs, year.mjs
 *   write-files.mjs      mj.yaml, orgs.yaml, members.csv, activities/YEAR.csv (output.mjs: Out, quoting)
 *   assessments.mjs      assessments/YEAR.csv;  invariants.mjs  the checks above
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateYear } from './gen/activities/year.mjs';
import { writeAssessments } from './gen/assessments.mjs';
import { checkInvariants } from './gen/invariants.mjs';
import { moveMembers, reservePool, writeReserve, writeTransfers } from './gen/history.mjs';
import { appointCommittees, assignRoles } from './gen/leadership.mjs';
import { planPractices, writeInspections, writeLeaders, writeLiaisons, writeReviews } from './gen/practices.mjs';
import { USAGE, contextOf, parseArgs } from './gen/options.mjs';
import { buildOrgTree, sizeBranches } from './gen/org-tree.mjs';
import { buildRoster } from './gen/roster.mjs';
import { writeActivities, writeMembers, writeOrgs, writeSettings } from './gen/write-files.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(msg, code = 2) {
  process.stderr.write(`gen-example: ${msg}\n`);
  process.exit(code);
}

function main(argv) {
  const parsed = parseArgs(argv, path.join(REPO, 'data-examples', 'guizhou'));
  if (parsed.kind === 'help') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
  if (parsed.kind === 'error') fail(parsed.message);
  const ctx = contextOf(parsed.options);

  // the org tree, the roster, who leads
  const tree = buildOrgTree(ctx);
  sizeBranches(ctx, tree.branches);
  const M = buildRoster(ctx, tree);
  appointCommittees(ctx, tree, M);
  assignRoles(ctx, tree, M);
  // the history and the practices (seats and liaisons never move)
  moveMembers(ctx, tree, M);
  reservePool(ctx, M);
  planPractices(ctx, tree, M);

  // the files, each to FILE.tmp
  const out = ctx.out;
  fs.mkdirSync(path.join(out, 'activities'), { recursive: true });
  const pending = [
    writeSettings(out), writeOrgs(out, tree, M), writeMembers(out, M), writeTransfers(out, M), writeReserve(out, M), writeLiaisons(out, tree, M),
    writeLeaders(out, tree, M), ...writeInspections(out, tree, M),
  ];
  const yearCounts = [];
  for (const Y of ctx.years) {
    const year = generateYear(ctx, tree, M, Y);
    pending.push(writeActivities(out, Y, year, tree, M));
    yearCounts.push(`${Y}: ${year.store.n}`);
  }
  for (const Y of ctx.years) pending.push(writeAssessments(ctx, out, Y, tree.branches), writeReviews(ctx, out, Y, tree, M));

  // invariants, then every FILE.tmp renamed into place (or removed), and the summary
  const { problems, senior, doctor } = checkInvariants(ctx, tree, M);
  if (problems.length) {
    for (const f of pending) fs.rmSync(f.tmp, { force: true });
    fail(`invariant broken, nothing written:\n  ${problems.slice(0, 20).join('\n  ')}`, 1);
  }
  for (const f of pending) f.commit();
  const N = ctx.members;
  const pct = ((senior * 100) / N).toFixed(1);
  process.stderr.write(`gen-example: ${path.relative(process.cwd(), out) || '.'}: ${tree.orgs.length} orgs (${tree.branches.length} 支部), `
    + `${M.length} members; on the roster on 2019-10-10: ${N}, 副高以上 ${senior} (${pct}%), 博士 ${doctor}; `
    + `activity rows ${yearCounts.join(', ')}\n`);
}

main(process.argv.slice(2));
