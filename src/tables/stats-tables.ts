// The statistics tables: 支部履职情况统计表, 会员履职情况统计表 and "三个一" progress, from the
// year's StatsCounts. Every share is computed from counts, also in subtotal and 合计 rows.

import type { Org } from '../model/types.js';
import { slotMember, type YearScope } from '../compute/scope.js';
import type { StatsCounts } from '../compute/stats.js';
import { branchFacts, meetingsWhileOnRoster, membersOfYear, slotPeriod } from '../compute/year-facts.js';
import { formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import { groupsOf, type Group } from '../compute/groups.js';
import { groupLabel, maskName, rowsWithTotals } from './rows.js';
import type { TableLang } from './headers.js';
import type { Cell, Column, Table } from './table.js';

export interface StatsInput {
  readonly datasetName: string;
  readonly scope: YearScope;
  readonly counts: StatsCounts;
  readonly lang: TableLang;
  /** Org ids to show (an --org subtree), or undefined for all. */
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
  /** --by 市委会: subtotal rows per group. */
  readonly byGroup: boolean;
  readonly mask: boolean;
}

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));
const col = (key: string, header: string, kind: Column['kind']): Column => ({ key, header, kind });
const L = (lang: TableLang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

function commonNotes(input: StatsInput, extra: string[]): string[] {
  const { lang, scope } = input;
  const notes = [
    L(lang, `在册会员：入会时间不晚于 ${formatDay(scope.asOf)}，且会籍状态为在册或离会时间晚于该日（当天离会的不算）。`,
      `Active members: joined on or before ${formatDay(scope.asOf)} and still 在册, or left after that day (a member who left that day is gone).`),
    ...extra,
  ];
  if (input.orgFilter !== undefined) {
    notes.push(L(lang, `只列出${input.orgFilter}下的组织；合计只加总列出的行。`, `Only the orgs under ${input.orgFilter} are listed; totals add the rows shown.`));
  }
  return notes;
}

/** The branches shown: the year's (existing by the as-of day), within --org. */
function branchUnits(input: StatsInput): number[] {
  const out: number[] = [];
  input.scope.branches.forEach((b, i) => {
    if (b.established !== undefined && b.established > input.scope.asOf) return;
    if (!input.only || input.only.has(b.id)) out.push(i);
  });
  return out;
}

function parentName(scope: YearScope, o: Org): string {
  return o.parent === undefined ? '' : (scope.orgById.get(o.parent)?.name ?? '');
}

interface BranchCounts {
  active: number; newMembers: number; proposals: number; suggestions: number; filed: number; sqmy: number; adopted: number;
  instructions: number; reporters: number; service: number; meetings: number; present: number; attendanceBase: number;
  trainees: number; hours: Rational; done: number;
}

function sumBranch(list: Iterable<BranchCounts>): BranchCounts {
  const z: BranchCounts = {
    active: 0, newMembers: 0, proposals: 0, suggestions: 0, filed: 0, sqmy: 0, adopted: 0, instructions: 0, reporters: 0,
    service: 0, meetings: 0, present: 0, attendanceBase: 0, trainees: 0, hours: Rational.ZERO, done: 0,
  };
  // Field by field: a loop over the keys is a keyed access per field, slow over a national table.
  for (const c of list) {
    z.active += c.active; z.newMembers += c.newMembers; z.proposals += c.proposals; z.suggestions += c.suggestions; z.filed += c.filed;
    z.sqmy += c.sqmy; z.adopted += c.adopted; z.instructions += c.instructions; z.reporters += c.reporters; z.service += c.service;
    z.meetings += c.meetings; z.present += c.present; z.attendanceBase += c.attendanceBase; z.trainees += c.trainees;
    z.hours = z.hours.add(c.hours); z.done += c.done;
  }
  return z;
}

export function branchesTable(input: StatsInput): Table {
  const { scope, counts, lang } = input;
  const facts = branchFacts(scope, counts);
  const groups = groupsOf(scope.orgsInTreeOrder);
  const columns: Column[] = [
    col('branch', L(lang, '支部', 'Branch'), 'text'),
    col('id', L(lang, '支部编号', 'Branch id'), 'id'),
    col('parent', L(lang, '上级组织', 'Parent org'), 'text'),
    col('active', L(lang, '年末会员数', 'Members at year end'), 'int'),
    col('new', L(lang, '新发展会员', 'New members'), 'int'),
    col('proposals', L(lang, '提案', 'Proposals'), 'int'),
    col('suggestions', L(lang, '建议', 'Suggestions'), 'int'),
    col('filed', L(lang, '立案', 'Filed'), 'int'),
    col('sqmy', L(lang, '社情民意报送', 'Reports submitted'), 'int'),
    col('adopted', L(lang, '社情民意采用', 'Reports adopted'), 'int'),
    col('adoptionRate', L(lang, '采用率', 'Adoption rate'), 'ratio'),
    col('instructions', L(lang, '批示', 'Instructions'), 'int'),
    col('reporters', L(lang, '报送会员数', 'Members reporting'), 'int'),
    col('coverage', L(lang, '会员覆盖率', 'Member coverage'), 'ratio'),
    col('service', L(lang, '社会服务', 'Social service'), 'int'),
    col('meetings', L(lang, '组织生活', 'Meetings'), 'int'),
    col('attendance', L(lang, '平均参加率', 'Mean attendance'), 'ratio'),
    col('trainees', L(lang, '培训人次', 'Trainees'), 'int'),
    col('trainingHours', L(lang, '培训学时', 'Training hours'), 'number'),
    col('threeOnes', L(lang, '三个一', '"Three ones"'), 'text'),
  ];
  const countsOf = (b: number): BranchCounts => ({
    active: facts.active[b]!, newMembers: facts.newMembers[b]!, proposals: counts.proposals[b]!, suggestions: counts.suggestions[b]!,
    filed: counts.filed[b]!, sqmy: counts.sqmy[b]!, adopted: counts.sqmyAdopted[b]!, instructions: counts.instructions[b]!,
    reporters: facts.reporters[b]!, service: counts.service[b]!, meetings: counts.meetings[b]!, present: counts.meetingPresent[b]!,
    attendanceBase: counts.meetings[b]! * facts.active[b]!, trainees: counts.trainees[b]!, hours: counts.trainingHours.get(b),
    done: facts.done[b]!,
  });
  const numbers = (c: BranchCounts): Cell[] => [
    c.active, c.newMembers, c.proposals, c.suggestions, c.filed, c.sqmy, c.adopted, ratio(c.adopted, c.sqmy), c.instructions,
    c.reporters, ratio(c.reporters, c.active), c.service, c.meetings, ratio(c.present, c.attendanceBase), c.trainees, c.hours,
  ];
  const done = L(lang, '完成', 'done');
  const rows = rowsWithTotals(
    branchUnits(input),
    countsOf,
    (b, c) => [scope.branches[b]!.name, scope.branches[b]!.id, parentName(scope, scope.branches[b]!), ...numbers(c), c.done ? done : L(lang, '未完成', 'not done')],
    sumBranch,
    (label, c, n) => [label, '', '', ...numbers(c), `${done} ${c.done}/${n}`],
    {
      ...(input.byGroup ? { groupOf: (b: number) => groups.get(scope.branches[b]!.id) } : {}),
      totalLabel: L(lang, '合计', 'Total'),
      subtotalLabel: (g: Group) => L(lang, `小计：${groupLabel(g, lang)}`, `Subtotal: ${groupLabel(g, lang)}`),
    },
  );
  return {
    name: 'branches',
    compact: {
      keys: ['branch', 'active', 'new', 'proposals', 'suggestions', 'sqmy', 'adopted', 'coverage', 'service', 'meetings', 'attendance', 'threeOnes'],
      dropFirst: ['suggestions', 'new', 'adopted', 'meetings', 'attendance', 'proposals', 'service'],
    },
    title: L(lang, `${input.datasetName}${scope.year}年度支部履职情况统计表`, `${input.datasetName}: branch duty statistics, ${scope.year}`),
    columns,
    rows,
    notes: commonNotes(input, [
      L(lang, '支部的记录：组织为该支部的记录，不论列出多少会员都只计一次。报送会员数、会员覆盖率按会员本人的记录（记在任何组织名下）计算。',
        'A branch\'s records are those credited to it, counted once however many members they list. Members reporting and coverage use each member\'s own records, wherever credited.'),
      L(lang, '采用：结果中有以“采用”结尾的短语或“全国政协转送”，按篇计；采用率 = 采用篇数 ÷ 报送篇数。批示：结果中有以“批示”结尾的短语。立案：结果中有“立案”。',
        'Adopted: an outcome ending in 采用, or 全国政协转送, counted by piece; adoption rate = adopted ÷ submitted. Instructions: an outcome ending in 批示. Filed: the outcome 立案.'),
      L(lang, '平均参加率 = 各次组织生活到会的在册会员人次 ÷（组织生活次数 × 在册会员数）；没有在册会员的支部覆盖率、参加率为 0，“三个一”为未完成。合计行的比率由合计的人数、次数计算。',
        'Mean attendance = active members present summed over meetings ÷ (meetings × active members); a branch with no active members has 0 coverage and attendance and has not completed the "three ones". Shares in total rows come from summed counts.'),
      L(lang, '新发展会员：入会时间在本年内的会员。培训人次：支部培训记录列出的会员人数之和；培训学时：这些记录的学时之和。',
        'New members: joined during the year. Trainees: members listed on the branch\'s training records, summed; training hours: those records\' hours, summed.'),
    ]),
  };
}

interface MemberCounts {
  active: number; sqmy: number; adopted: number; lead: number; cosigned: number; service: number; meetings: number;
  own: number; branchMeetings: number; hours: Rational; info: number;
  /** Members 年末在册 with their own report: the "三个一" 合计 counts these, as mj progress does. */
  infoActive: number; points: Rational;
}

export function membersTable(input: StatsInput & { readonly points: ((m: number) => Rational) | undefined }): Table {
  const { scope, counts, lang } = input;
  const groups = groupsOf(scope.orgsInTreeOrder);
  const yes = L(lang, '是', 'yes');
  const no = L(lang, '否', 'no');
  const columns: Column[] = [
    col('id', L(lang, '会员编号', 'Member id'), 'id'),
    col('name', L(lang, '姓名', 'Name'), 'text'),
    col('branch', L(lang, '支部', 'Branch'), 'text'),
    col('active', L(lang, '年末在册', 'Active at year end'), 'text'),
    col('sqmy', L(lang, '社情民意报送', 'Reports submitted'), 'int'),
    col('adopted', L(lang, '社情民意采用', 'Reports adopted'), 'int'),
    col('lead', L(lang, '提案建议（主笔）', 'Proposals (lead)'), 'int'),
    col('cosigned', L(lang, '提案建议（联名）', 'Proposals (co-signed)'), 'int'),
    col('service', L(lang, '社会服务', 'Social service'), 'int'),
    col('meetings', L(lang, '组织生活参加次数', 'Meetings attended'), 'int'),
    col('attendance', L(lang, '参加率', 'Attendance'), 'ratio'),
    col('trainingHours', L(lang, '培训学时', 'Training hours'), 'number'),
    col('threeOnes', L(lang, '三个一（本人社情民意）', '"Three ones" (own report)'), 'text'),
  ];
  if (input.points) columns.push(col('points', L(lang, '履职积分', 'Duty points'), 'points'));
  const M = scope.members.length;
  const branchIdOf = (slot: number): string | undefined => {
    const b = scope.slots?.branch[slot] ?? scope.memberBranch[slot < M ? slot : 0]!;
    return b >= 0 ? scope.branches[b]!.id : undefined;
  };
  // A slot is a member's period in one branch (one per member who did not move in the year).
  const orgOfSlot = (slot: number): string => branchIdOf(slot) ?? scope.members[slotMember(scope.slots, M, slot)]!.org;
  const units = membersOfYear(scope).filter((s) => !input.only || input.only.has(orgOfSlot(s)));
  const meetingBase = meetingsWhileOnRoster(scope, counts);
  /** The member's last period of the year: where their year-wide 履职积分 is shown (once). */
  const lastSlot = (i: number): number => {
    const slots = scope.slots;
    if (slots === undefined || slots.next[i]! < 0) return i;
    let k = slots.next[i]!;
    while (k + 1 < slots.owner.length && slots.owner[k + 1] === i) k++;
    return M + k;
  };
  const countsOf = (s: number): MemberCounts => {
    const p = slotPeriod(scope, s);
    const i = p.member;
    const info = counts.mThreeInfo[i]! > 0 ? 1 : 0;
    const active = p.active ? 1 : 0;
    return {
      active, sqmy: counts.mSqmy[s]!, adopted: counts.mSqmyAdopted[s]!, lead: counts.mLead[s]!, cosigned: counts.mCosigned[s]!,
      service: counts.mService[s]!, meetings: counts.mMeetings[s]!, own: counts.mOwnMeetings[s]!, branchMeetings: meetingBase[s]!,
      hours: counts.mTrainingHours.get(s), info, infoActive: info & active, points: input.points && lastSlot(i) === s ? input.points(i) : Rational.ZERO,
    };
  };
  const numbers = (c: MemberCounts): Cell[] => [
    c.sqmy, c.adopted, c.lead, c.cosigned, c.service, c.meetings, c.branchMeetings === 0 ? null : ratio(c.own, c.branchMeetings), c.hours,
  ];
  const sum = (list: Iterable<MemberCounts>): MemberCounts => {
    const z: MemberCounts = { active: 0, sqmy: 0, adopted: 0, lead: 0, cosigned: 0, service: 0, meetings: 0, own: 0, branchMeetings: 0, hours: Rational.ZERO, info: 0, infoActive: 0, points: Rational.ZERO };
    for (const c of list) {
      z.active += c.active; z.sqmy += c.sqmy; z.adopted += c.adopted; z.lead += c.lead; z.cosigned += c.cosigned; z.service += c.service;
      z.meetings += c.meetings; z.own += c.own; z.branchMeetings += c.branchMeetings; z.hours = z.hours.add(c.hours); z.info += c.info;
      z.infoActive += c.infoActive; z.points = z.points.add(c.points);
    }
    return z;
  };
  const branchName = (slot: number): string => {
    const id = orgOfSlot(slot);
    return scope.orgById.get(id)?.name ?? id;
  };
  const rows = rowsWithTotals(
    units,
    countsOf,
    (s, c) => {
      const m = scope.members[slotMember(scope.slots, M, s)]!;
      const cells: Cell[] = [m.id, input.mask ? maskName(m.name) : m.name, branchName(s), c.active ? yes : no, ...numbers(c), c.info ? yes : no];
      if (input.points) cells.push(lastSlot(slotMember(scope.slots, M, s)) === s ? c.points : null);
      return cells;
    },
    sum,
    (label, c, n) => {
      const cells: Cell[] = [label, '', '', `${yes} ${c.active}/${n}`, ...numbers(c), `${yes} ${c.infoActive}/${c.active}`];
      if (input.points) cells.push(c.points);
      return cells;
    },
    {
      ...(input.byGroup ? { groupOf: (s: number) => groups.get(orgOfSlot(s)) } : {}),
      totalLabel: L(lang, '合计', 'Total'),
      subtotalLabel: (g: Group) => L(lang, `小计：${groupLabel(g, lang)}`, `Subtotal: ${groupLabel(g, lang)}`),
    },
  );
  const notes = commonNotes(input, [
    L(lang, `列出 ${scope.year} 年内任何一天在册的会员。会员的记录：列出该会员的所有记录，不论记在哪个组织名下；第一位列出的会员是主笔（第一提案人），其余为联名。`,
      `Members on the roster on any day of ${scope.year}. A member's records are all records listing them, whichever org they are credited to; the first listed is the lead author, the others co-signed.`),
    L(lang, '组织生活参加次数：列出该会员的各组织的组织生活记录数；参加率 = 本支部组织生活记录中列出该会员的次数 ÷ 该会员在册期间本支部的组织生活次数（8 月离会的会员不计 9 月的组织生活；这期间没有组织生活时空白）。',
      'Meetings attended: 组织生活 records of any org listing the member; attendance = their own branch\'s meetings listing them ÷ their branch\'s meetings held while they were on its roster (one who left in August is not counted against September; blank when there were none).'),
    L(lang, '合计行的“三个一”只计年末在册的会员（与“三个一”完成情况表一致）。', 'The total row\'s "three ones" counts members active at year end only (as the progress table does).'),
  ]);
  if (scope.slots) {
    notes.push(L(lang, '本年在支部之间转接的会员，每个支部期间各占一行：各项记录按记录日期计入当时所在的支部；年末在册只在年末所在支部的一行为“是”；本人社情民意（三个一）按全年计；履职积分写在本年最后一个期间的一行。',
      'A member who moved between branches during the year has one row per branch period: each record counts in the branch they were in on its date; 年末在册 is 是 only on the row of their year-end branch; the own report ("three ones") is the whole year\'s; duty points are on the row of their last period.'));
  }
  if (input.points) notes.push(L(lang, '履职积分按评分表的 member_items 计算。', 'Duty points follow the rubric\'s member_items.'));
  if (input.mask) notes.push(L(lang, '姓名已脱敏（只显示第一个字）。', 'Names are masked (first character only).'));
  return {
    name: 'members',
    compact: {
      keys: ['id', 'name', 'branch', 'sqmy', 'adopted', 'lead', 'service', 'meetings', 'attendance', 'threeOnes', 'points'],
      dropFirst: ['adopted', 'meetings', 'lead', 'service', 'attendance'],
    },
    title: L(lang, `${input.datasetName}${scope.year}年度会员履职情况统计表`, `${input.datasetName}: member duty statistics, ${scope.year}`),
    columns,
    rows,
    notes,
  };
}

interface ProgressCounts {
  active: number; proposal: number; service: number; covered: number; done: number; proposalOk: number; serviceOk: number;
  missing: string[];
}

export function progressTable(input: StatsInput): Table {
  const { scope, counts, lang } = input;
  const groups = groupsOf(scope.orgsInTreeOrder);
  const facts = branchFacts(scope, counts);
  const nameOf = (i: number): string => (input.mask ? maskName(scope.members[i]!.name) : scope.members[i]!.name);
  const columns: Column[] = [
    col('branch', L(lang, '支部', 'Branch'), 'text'),
    col('id', L(lang, '支部编号', 'Branch id'), 'id'),
    col('parent', L(lang, '上级组织', 'Parent org'), 'text'),
    col('active', L(lang, '在册会员', 'Active members'), 'int'),
    col('proposal', L(lang, '提案或建议', 'Proposal or suggestion'), 'text'),
    col('service', L(lang, '社会服务实事', 'Social service'), 'text'),
    col('reports', L(lang, '社情民意（已报送/在册）', 'Reports (members reporting/active)'), 'text'),
    col('coverage', L(lang, '社情民意覆盖率', 'Report coverage'), 'ratio'),
    col('done', L(lang, '三个一', '"Three ones"'), 'text'),
    col('missing', L(lang, '尚未报送社情民意的会员', 'Members yet to report'), 'text'),
  ];
  const mark = (n: number): string => (n > 0 ? `✓ ${n}` : '✗ 0');
  const countsOf = (b: number): ProgressCounts => ({
    active: facts.active[b]!, proposal: counts.threeProposal[b]!, service: counts.threeService[b]!, covered: facts.covered[b]!, done: facts.done[b]!,
    proposalOk: counts.threeProposal[b]! > 0 ? 1 : 0, serviceOk: counts.threeService[b]! > 0 ? 1 : 0, missing: facts.missing[b]!.map(nameOf),
  });
  const sum = (list: Iterable<ProgressCounts>): ProgressCounts => {
    const z: ProgressCounts = { active: 0, proposal: 0, service: 0, covered: 0, done: 0, proposalOk: 0, serviceOk: 0, missing: [] };
    for (const c of list) {
      z.active += c.active; z.proposal += c.proposal; z.service += c.service; z.covered += c.covered; z.done += c.done;
      z.proposalOk += c.proposalOk; z.serviceOk += c.serviceOk;
    }
    return z;
  };
  const sep = L(lang, '、', ', ');
  const done = L(lang, '完成', 'done');
  const rows = rowsWithTotals(
    branchUnits(input),
    countsOf,
    (b, c) => [
      scope.branches[b]!.name, scope.branches[b]!.id, parentName(scope, scope.branches[b]!), c.active, mark(c.proposal), mark(c.service), `${c.covered}/${c.active}`,
      ratio(c.covered, c.active), c.done ? `✓ ${done}` : `✗ ${L(lang, '未完成', 'not done')}`, c.missing.join(sep),
    ],
    sum,
    (label, c, n) => [label, '', '', c.active, `${c.proposalOk}/${n}`, `${c.serviceOk}/${n}`, `${c.covered}/${c.active}`, ratio(c.covered, c.active), `${done} ${c.done}/${n}`, ''],
    {
      ...(input.byGroup ? { groupOf: (b: number) => groups.get(scope.branches[b]!.id) } : {}),
      totalLabel: L(lang, '合计', 'Total'),
      subtotalLabel: (g: Group) => L(lang, `小计：${groupLabel(g, lang)}`, `Subtotal: ${groupLabel(g, lang)}`),
    },
  );
  const asOfNote = scope.asOf < scope.lastDay
    ? L(lang, `进度截至 ${formatDay(scope.asOf)}：只计该日及以前的记录，在册会员按该日计算。`, `Progress as of ${formatDay(scope.asOf)}: records up to that day, members active that day.`)
    : L(lang, `全年进度：在册会员按 ${formatDay(scope.asOf)} 计算。`, `Whole year: members active on ${formatDay(scope.asOf)}.`);
  return {
    name: 'progress',
    compact: { keys: ['branch', 'active', 'proposal', 'service', 'reports', 'done', 'missing'], dropFirst: ['active'] },
    title: L(lang, `${input.datasetName}${scope.year}年度“三个一”完成情况（截至 ${formatDay(scope.asOf)}）`, `${input.datasetName}: "three ones" progress, ${scope.year} (as of ${formatDay(scope.asOf)})`),
    columns,
    rows,
    notes: commonNotes(input, [
      asOfNote,
      L(lang, '“三个一”：支部本年至少 1 件提案或建议、至少 1 件社会服务实事，且每名在册会员本人至少报送 1 条社情民意（记在任何组织名下均可）。没有在册会员的支部为未完成。',
        '"Three ones": the branch has at least one proposal or suggestion and one social-service record, and every active member has at least one report of their own (credited anywhere). A branch with no active members has not completed them.'),
    ]),
  };
}
