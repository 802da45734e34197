// `mj score YEAR`: the 基层支部年度工作量化考核评分表 of every branch, or with --explain ORG how
// each of one branch's points was reached. `mj subsidy YEAR`: the activity-fund subsidy.

import type { Lang } from '../diagnostics/codes.js';
import { t } from '../i18n/cli.js';
import { UsageError, type ExitCode, type Io } from '../io.js';
import type { Base } from '../pipeline/base.js';
import { scoreYear } from '../pipeline/year.js';
import { EXPLAIN_RENDERERS, TABLE_RENDERERS } from '../render/registry.js';
import { explainDocument } from '../tables/explain-doc.js';
import { scoresTable } from '../tables/scores-table.js';
import { sheetExplainDocument } from '../tables/sheet-explain.js';
import { memberSheetTable, unitSheetTable } from '../tables/sheet-table.js';
import { maskName } from '../tables/rows.js';
import { subsidyTable } from '../tables/subsidy-table.js';
import { checkBranchOfYear, checkOrg, langOf, orgLimit, noteWarnings, openBaseOf, parseYear, printProblems, tableLang } from './common.js';
import { inputGuard, type InputGuard } from './inputs.js';
import { destination, emit, refuseInput, renderOptions, rendererFor, type Destination, type OutputOptions } from './output.js';
import { compareText } from '../util/compare.js';

export interface ScoreOptions extends OutputOptions {
  readonly org?: string;
  readonly explain?: string;
  /** Another sheet of the rubric: a unit sheet's id, or members. */
  readonly sheet?: string;
  /** --explain: members' names masked. */
  readonly mask?: boolean;
}

interface Started {
  readonly lang: Lang;
  readonly year: number;
  readonly dest: Destination;
  readonly base: Base;
  readonly orgFilter: string | undefined;
  readonly guard: InputGuard;
}

/** What a year's score command starts with: its language, year, destination, dataset and --org. */
async function start(yearText: string, opts: ScoreOptions, io: Io): Promise<Started | ExitCode> {
  const lang = langOf(opts, io);
  const year = parseYear(yearText, lang);
  // An explanation is text wherever it goes, unless a format is asked for.
  const dest = destination(opts, io, lang, opts.explain === undefined ? 'csv' : 'table');
  const opened = await openBaseOf(opts, io, lang, [year]);
  if (!opened.ok) return printProblems(opened.problems, opts, io, lang);
  // An output onto an input is refused before anything is read.
  const guard = await inputGuard(opened.value.ds);
  if (dest.path !== undefined) await refuseInput(guard, dest.path, io, lang);
  return { lang, year, dest, base: opened.value, orgFilter: checkOrg(opts.org, opened.value.ds, lang), guard };
}

export async function runScore(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await start(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, base, orgFilter, guard } = started;
  const { ds } = base;
  // Known before reading records: --explain names a branch of the year, another org (a unit
  // sheet's) or a member, and draws a document.
  const target = explainTarget(opts.explain, ds, year, lang);
  const render = target === undefined ? undefined : rendererFor(EXPLAIN_RENDERERS, dest, lang);
  const result = await scoreYear(base, year, {
    explain: target?.kind === 'branch' ? target.id : undefined, explainMember: target?.kind === 'member' ? target.id : undefined,
  });
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  const scored = result.value;
  noteWarnings(base, io, lang);
  const tl = tableLang(opts, ds.config.locale);
  const ro = renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name);
  const sheetIds = [...scored.units.map((u) => u.sheet.id), ...(scored.members ? ['members'] : [])];
  const rootType = scored.scoreScope.orgsInTreeOrder.find((o) => o.parent === undefined)?.type;
  if (render && target) {
    if (target.kind === 'branch' && scored.explanation) {
      return emit(await render(explainDocument(scored.explanation, { lang: tl, mask: opts.mask === true }), ro), dest, guard, io, lang);
    }
    if (target.kind === 'org') {
      const found = scored.units.find((u) => u.scores.some((x) => x.unit.id === target.id));
      if (!found) {
        // The province's committee itself, or an org type no sheet scores: say what is scored.
        const org = ds.orgById.get(target.id);
        const types = [...new Set(['支部', ...scored.units.flatMap((u) => u.sheet.types)])].join(lang === 'zh' ? '、' : ', ');
        throw new UsageError(t(lang, 'usage.orgNotScored', { value: target.id, name: org?.name ?? target.id, type: org?.type ?? '', year, types }));
      }
      const score = found.scores.find((x) => x.unit.id === target.id)!;
      const doc = sheetExplainDocument({ sheet: found.sheet, year, score, subject: tl === 'zh' ? `${score.unit.name}（${score.unit.id}）` : `${score.unit.name} (${score.unit.id})`, subjects: found.scores.length, rootType, lang: tl });
      return emit(await render(doc, ro), dest, guard, io, lang);
    }
    if (target.kind === 'member') {
      const score = scored.members?.scores.find((x) => x.member.id === target.id);
      if (!scored.members || !score) throw new UsageError(t(lang, 'usage.notOnSheet', { value: target.id, year }));
      const name = opts.mask === true ? maskName(score.member.name) : score.member.name;
      const branch = scored.scoreScope.branches[score.branch]?.name ?? '';
      const records = [...scored.kept].sort((a, b) => a.date - b.date || compareText(a.id, b.id));
      const doc = sheetExplainDocument({
        sheet: scored.members.sheet, year, score, subject: tl === 'zh' ? `${name}（${score.member.id}，${branch}）` : `${name} (${score.member.id}, ${branch})`, subjects: scored.members.scores.length, rootType, records, lang: tl,
      });
      return emit(await render(doc, ro), dest, guard, io, lang);
    }
  }
  const { only, label } = orgLimit(orgFilter, ds, tl);
  let table;
  if (opts.sheet === undefined) {
    table = scoresTable({ datasetName: ds.config.name, rubric: scored.rubric, scores: scored.scores, orgById: ds.orgById, only, orgFilter: label, lang: tl });
    const others = [...scored.units.map((u) => `${u.sheet.name}（--sheet ${u.sheet.id}）`), ...(scored.members ? [`${scored.members.sheet.name}（--sheet members）`] : [])];
    if (others.length > 0) table = { ...table, notes: [...table.notes, tl === 'zh' ? `本评分表还有：${others.join('、')}。` : `The rubric has more sheets: ${others.join(', ')}.`] };
  } else if (opts.sheet === 'members' && scored.members) {
    const ids = only && new Set(ds.members.filter((m) => only.has(m.org)).map((m) => m.id));
    table = memberSheetTable({ datasetName: ds.config.name, year, sheet: scored.members.sheet, scores: scored.members.scores, branches: scored.scoreScope.branches, only: ids, mask: opts.mask === true, lang: tl });
  } else {
    const unit = scored.units.find((u) => u.sheet.id === opts.sheet);
    if (!unit) {
      throw new UsageError(sheetIds.length === 0
        ? t(lang, 'usage.noSheets', { value: opts.sheet })
        : t(lang, 'usage.unknownSheet', { value: opts.sheet, allowed: sheetIds.join(lang === 'zh' ? '、' : ', ') }));
    }
    table = unitSheetTable({ datasetName: ds.config.name, year, sheet: unit.sheet, scores: unit.scores, orgById: ds.orgById, only, lang: tl });
  }
  return emit(await TABLE_RENDERERS[dest.format](table, ro), dest, guard, io, lang);
}

type ExplainTarget = { readonly kind: 'branch' | 'org' | 'member'; readonly id: string };

/** What --explain names: a branch of the year, another org (scored on a unit sheet), or a member. */
function explainTarget(id: string | undefined, ds: Base['ds'], year: number, lang: Lang): ExplainTarget | undefined {
  if (id === undefined) return undefined;
  if (ds.memberById.has(id) && !ds.orgById.has(id)) return { kind: 'member', id: ds.memberById.get(id)!.id };
  const org = ds.orgById.get(id);
  if (org !== undefined && org.type !== '支部') return { kind: 'org', id };
  const branch = checkBranchOfYear(id, ds, year, lang);
  return branch === undefined ? undefined : { kind: 'branch', id: branch };
}

export async function runSubsidy(yearText: string, opts: ScoreOptions, io: Io): Promise<ExitCode> {
  const started = await start(yearText, opts, io);
  if (typeof started === 'number') return started;
  const { lang, year, dest, base, orgFilter, guard } = started;
  const { ds } = base;
  const result = await scoreYear(base, year);
  if (!result.ok) return printProblems(result.problems, opts, io, lang);
  const { rubric, subsidy, scoreScope } = result.value;
  noteWarnings(base, io, lang);
  if (!subsidy) throw new UsageError(t(lang, 'usage.noSubsidyRule', { year }));
  const tl = tableLang(opts, ds.config.locale);
  const limit = orgLimit(orgFilter, ds, tl);
  const table = subsidyTable({ datasetName: ds.config.name, rubric, branches: scoreScope.branches, result: subsidy, only: limit.only, orgFilter: limit.label, lang: tl });
  return emit(await TABLE_RENDERERS[dest.format](table, renderOptions(opts, io, lang, tl, dest.path !== undefined, ds.config.name)), dest, guard, io, lang);
}
