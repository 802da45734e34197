// The tables of the practices beside the score sheet: 联系基层 (liaison), 政治巡查 (inspections and
// their open 整改), 会员培训 (trainings and trainees), 后备人才库 (the pool and its structure) and
// 领导班子考评 (leadership). Layout only: compute/ decides every count; 合计 rows add the rows and
// shares in them come from the summed counts.

import type { OrgContact } from '../compute/liaison.js';
import type { InspectionsResult } from '../compute/inspections.js';
import type { SeatYear } from '../compute/leadership.js';
import { MEETING_KINDS } from '../compute/practices.js';
import type { PoolCounts, PoolStay } from '../compute/reserve.js';
import type { StatsCounts } from '../compute/stats.js';
import type { TrainingYear } from '../compute/trainings.js';
import { REVIEW_KINDS, type Liaison } from '../model/practices.js';
import { NEVER, SECTORS, yearEnd, yearStart, type Day, type Member, type Org, type ReserveKind } from '../model/types.js';
import { ageOn, formatDay, previousDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import type { TableLang } from './headers.js';
import { maskName } from './rows.js';
import type { Cell, Column, Row, Table } from './table.js';

const ratio = (num: number, den: number): Rational => (den === 0 ? Rational.ZERO : Rational.of(BigInt(num), BigInt(den)));
const col = (key: string, header: string, kind: Column['kind']): Column => ({ key, header, kind });
const day = (d: Day | undefined): string => (d === undefined || d === 0 || d >= NEVER ? '' : formatDay(d));
const pct = (num: number, den: number): string => (den === 0 ? '—' : `${ratio(num, den).mul(Rational.int(100)).toFixed(1)}%`);

/** What every practice table shares. */
export interface PracticeTableInput {
  readonly datasetName: string;
  readonly lang: TableLang;
  readonly mask: boolean;
  readonly orgById: ReadonlyMap<string, Org>;
  readonly memberById: ReadonlyMap<string, Member>;
}

function words(input: PracticeTableInput) {
  const zh = input.lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const name = (id: string): string => {
    const m = input.memberById.get(id);
    if (!m) return id;
    return input.mask ? maskName(m.name) : m.name;
  };
  const orgName = (id: string): string => input.orgById.get(id)?.name ?? id;
  const parentName = (o: Org): string => (o.parent === undefined ? '' : orgName(o.parent));
  return { zh, L, name, orgName, parentName, yes: L('是', 'yes'), no: L('否', 'no'), sep: L('、', ', ') };
}

/** Names listed in a note, at most `max` of them. */
function listed(names: readonly string[], max: number, zh: boolean): string {
  const shown = names.slice(0, max).join(zh ? '、' : ', ');
  if (names.length <= max) return shown;
  return zh ? `${shown}等 ${names.length} 个` : `${shown} and ${names.length - max} more`;
}

// ── 联系基层 ──────────────────────────────────────────────────────────────────

export interface LiaisonTableInput extends PracticeTableInput {
  readonly year: number;
  readonly contacts: readonly OrgContact[];
  /** --unvisited: only the orgs with no visit this year. */
  readonly unvisitedOnly: boolean;
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
}

export function liaisonTable(input: LiaisonTableInput): Table {
  const w = words(input);
  const { L } = w;
  const first = yearStart(input.year), last = yearEnd(input.year);
  const who = (l: Liaison): string => {
    const parts = [L(l.role, l.role === '领导' ? 'leader' : 'staff')];
    if (l.from > first) parts.push(L(`${formatDay(l.from)} 起`, `from ${formatDay(l.from)}`));
    if (l.until <= last) parts.push(L(`至 ${formatDay(previousDay(l.until))}`, `to ${formatDay(previousDay(l.until))}`));
    return `${w.name(l.member)}${L('（', ' (')}${parts.join(L('，', ', '))}${L('）', ')')}`;
  };
  const columns: Column[] = [
    col('org', L('组织', 'Org'), 'text'),
    col('id', L('组织编号', 'Org id'), 'id'),
    col('type', L('类型', 'Type'), 'text'),
    col('parent', L('上级组织', 'Parent org'), 'text'),
    col('liaisons', L('联系人', 'Liaisons'), 'text'),
    col('liaisonCount', L('联系人数', 'Liaisons (count)'), 'int'),
    col('visits', L('走访次数', 'Visits'), 'int'),
    col('last', L('最近走访', 'Last visit'), 'text'),
    col('visited', L('本年有走访', 'Visited this year'), 'text'),
  ];
  const shown = input.contacts.filter((c) => (!input.only || input.only.has(c.org.id)) && (!input.unvisitedOnly || c.visits === 0));
  const rows: Row[] = shown.map((c) => ({
    kind: 'data',
    cells: [c.org.name, c.org.id, c.org.type, w.parentName(c.org), c.liaisons.map((x) => who(x.liaison)).join(w.sep), c.liaisons.length, c.visits, day(c.last), c.visits > 0 ? w.yes : w.no],
  }));
  const visited = shown.filter((c) => c.visits > 0).length;
  rows.push({
    kind: 'total',
    cells: [L('合计', 'Total'), '', '', '', '', shown.reduce((n, c) => n + c.liaisons.length, 0), shown.reduce((n, c) => n + c.visits, 0), '', `${w.yes} ${visited}/${shown.length}`],
  });
  const unvisited = input.contacts.filter((c) => (!input.only || input.only.has(c.org.id)) && c.visits === 0);
  const noLiaison = input.contacts.filter((c) => (!input.only || input.only.has(c.org.id)) && c.liaisons.length === 0).length;
  const notes = [
    L(`联系人：${input.year} 年内任何一天分工联系该组织的领导和机关干部（联系基层文件 liaisons.csv，以及 orgs.yaml 中的 liaison，后者视为一直联系）。`,
      `Liaisons: the leaders and staff assigned to the org on some day of ${input.year} (liaisons.csv, and orgs.yaml's liaison, which holds for all dates).`),
    L('走访：记在该组织名下、列出了它的某位联系人、且在该联系人联系期间的履职记录（调研、座谈、组织生活等均可）；一条记录列出几位联系人也只算一次。',
      'A visit: a duty record credited to the org that lists one of its liaisons, dated within their assignment (research, a talk, a meeting …); a record listing several of them counts once.'),
    L(`本年没有走访的组织 ${unvisited.length} 个${unvisited.length > 0 ? `：${listed(unvisited.map((c) => c.org.name), 30, true)}` : ''}；没有联系人的组织 ${noLiaison} 个。`,
      `Orgs with no visit this year: ${unvisited.length}${unvisited.length > 0 ? ` (${listed(unvisited.map((c) => c.org.name), 30, false)})` : ''}; orgs without a liaison: ${noLiaison}.`),
  ];
  if (input.unvisitedOnly) notes.push(L('只列出本年没有走访的组织。', 'Only the orgs with no visit this year are listed.'));
  if (input.orgFilter !== undefined) notes.push(L(`只列出${input.orgFilter}下的组织。`, `Only the orgs under ${input.orgFilter} are listed.`));
  if (input.mask) notes.push(L('姓名已脱敏（只显示第一个字）。', 'Names are masked (first character only).'));
  return {
    name: 'liaison',
    compact: { keys: ['org', 'liaisons', 'visits', 'last', 'visited'], dropFirst: ['last'] },
    title: L(`${input.datasetName}${input.year}年度领导和机关干部联系基层情况`, `${input.datasetName}: liaison with the grass roots, ${input.year}`),
    columns, rows, notes,
  };
}

// ── 政治巡查 ──────────────────────────────────────────────────────────────────

export interface InspectionsTableInput extends PracticeTableInput {
  readonly year: number | undefined;
  readonly result: InspectionsResult;
  /** How the day was chosen: --as-of, or the data's year end. */
  readonly asOfGiven: boolean;
}

export function inspectionsTable(input: InspectionsTableInput): Table {
  const w = words(input);
  const { L } = w;
  const r = input.result;
  const columns: Column[] = [
    col('committee', L('巡查对象', 'Committee'), 'text'),
    col('id', L('组织编号', 'Org id'), 'id'),
    col('inspections', L('巡查次数', 'Inspections'), 'int'),
    col('findings', L('发现问题', 'Findings'), 'int'),
    col('openFindings', L('未整改完的问题', 'Findings still open'), 'int'),
    col('measures', L('整改措施', 'Measures'), 'int'),
    col('done', L('已完成', 'Done'), 'int'),
    col('doneLate', L('其中逾期完成', 'Of them late'), 'int'),
    col('open', L('未完成', 'Open'), 'int'),
    col('overdue', L('逾期未完成', 'Overdue'), 'int'),
    col('rate', L('整改完成率', 'Completion rate'), 'ratio'),
  ];
  const nums = (c: { inspections: number; findings: number; openFindings: number; measures: number; done: number; doneLate: number; open: number; overdue: number }): Cell[] => [
    c.inspections, c.findings, c.openFindings, c.measures, c.done, c.doneLate, c.open, c.overdue, ratio(c.done, c.measures),
  ];
  const rows: Row[] = r.committees.map((c) => ({ kind: 'data', cells: [c.org.name, c.org.id, ...nums(c)] }));
  const sum = { inspections: 0, findings: 0, openFindings: 0, measures: 0, done: 0, doneLate: 0, open: 0, overdue: 0 };
  for (const c of r.committees) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
  rows.push({ kind: 'total', cells: [L('合计', 'Total'), '', ...nums(sum)] });
  const counted = input.year === undefined ? L('统计全部年度的巡查', 'Counts the inspections of every year') : L(`统计 ${input.year} 年开始的巡查`, `Counts the inspections begun in ${input.year}`);
  return {
    name: 'inspections',
    compact: { keys: ['committee', 'inspections', 'findings', 'measures', 'done', 'open', 'overdue', 'rate'] },
    title: L(`${input.datasetName}${input.year === undefined ? '' : `${input.year}年度`}政治巡查整改情况（截至 ${formatDay(r.asOf)}）`, `${input.datasetName}: political inspections and rectification${input.year === undefined ? '' : `, ${input.year}`} (as of ${formatDay(r.asOf)})`),
    columns, rows,
    notes: [
      L(`${counted}，整改状态按 ${formatDay(r.asOf)}${input.asOfGiven ? '（--as-of）' : '（数据所在年度的年末；用 --as-of 指定其他日期）'}：完成日期不晚于该日的措施为已完成，其余为未完成；未完成且整改期限早于该日的为逾期。`,
        `${counted}; each measure's state on ${formatDay(r.asOf)}${input.asOfGiven ? ' (--as-of)' : ' (the end of the data\'s year; --as-of gives another day)'}: done when its date done is on or before that day, else open; open past its deadline is overdue.`),
      L('一个问题可有几条整改措施；问题的所有措施都完成，问题才算整改完。整改完成率 = 已完成的措施 ÷ 全部措施；合计行由合计的数字计算。',
        'A finding may have several measures; it is rectified when all are done. Completion rate = measures done ÷ measures; the total row\'s from the summed counts.'),
      L(`逾期未完成的整改措施共 ${sum.overdue} 条（用 --open 列出全部未完成的措施）。`, `Overdue measures: ${sum.overdue} (--open lists every open measure).`),
    ],
  };
}

export function openMeasuresTable(input: InspectionsTableInput): Table {
  const w = words(input);
  const { L } = w;
  const r = input.result;
  const columns: Column[] = [
    col('committee', L('巡查对象', 'Committee'), 'text'),
    col('inspection', L('巡查编号', 'Inspection'), 'id'),
    col('finding', L('问题编号', 'Finding'), 'id'),
    col('category', L('问题类别', 'Category'), 'text'),
    col('problem', L('问题', 'Finding'), 'text'),
    col('measure', L('整改措施', 'Measure'), 'text'),
    col('deadline', L('整改期限', 'Deadline'), 'text'),
    col('state', L('状态', 'State'), 'text'),
    col('daysOverdue', L('逾期天数', 'Days overdue'), 'int'),
  ];
  const open = r.measures.filter((m) => !m.done);
  const rows: Row[] = open.map((m) => ({
    kind: 'data',
    cells: [
      w.orgName(m.inspection.target), m.inspection.id, m.measure.finding, m.measure.category, m.measure.problem ?? '', m.measure.measure ?? '',
      formatDay(m.measure.deadline), m.overdue ? L('逾期', 'overdue') : L('未到期', 'not yet due'), m.overdue ? m.daysLate : 0,
    ],
  }));
  const overdue = open.filter((m) => m.overdue).length;
  rows.push({ kind: 'total', cells: [L('合计', 'Total'), '', '', '', '', `${open.length}`, '', L(`逾期 ${overdue}`, `overdue ${overdue}`), null] }); // days overdue do not add up
  return {
    name: 'inspection-open',
    compact: { keys: ['committee', 'finding', 'measure', 'deadline', 'state', 'daysOverdue'], dropFirst: ['finding'] },
    title: L(`${input.datasetName}政治巡查未完成的整改措施（截至 ${formatDay(r.asOf)}）`, `${input.datasetName}: open rectification measures (as of ${formatDay(r.asOf)})`),
    columns, rows,
    notes: [
      L(`截至 ${formatDay(r.asOf)} 尚未完成的整改措施，按巡查开始日期、巡查编号、问题编号排列；逾期天数 = 该日 − 整改期限。`,
        `Measures still open on ${formatDay(r.asOf)}, in order of inspection start, inspection, finding; days overdue = that day − the deadline.`),
    ],
  };
}

// ── 会员培训 ──────────────────────────────────────────────────────────────────

export interface TrainingTableInput extends PracticeTableInput {
  readonly year: number;
  readonly result: TrainingYear;
  /** The roster: a trainee's `member` indexes it. */
  readonly members: readonly Member[];
  /** mj.yaml asks for a 新会员培训班 each year. */
  readonly required: boolean;
  readonly tags: readonly string[];
}

/** The coverage sentences shared by both training tables. */
function coverage(input: TrainingTableInput): string[] {
  const { L } = words(input);
  const t = input.result.trainees;
  const fresh = t.filter((x) => x.isNew);
  const freshCourse = fresh.filter((x) => x.newMemberCourse).length;
  const freshAny = fresh.filter((x) => x.records > 0).length;
  const pool = t.filter((x) => x.isReserve);
  const poolAny = pool.filter((x) => x.records > 0).length;
  const out = [
    L(`本年新会员 ${fresh.length} 人，参加新会员培训班 ${freshCourse} 人（${pct(freshCourse, fresh.length)}），参加任何培训 ${freshAny} 人（${pct(freshAny, fresh.length)}）；后备干部 ${pool.length} 人，本年参加培训 ${poolAny} 人（${pct(poolAny, pool.length)}）。`,
      `New members this year: ${fresh.length}, ${freshCourse} at a new-member course (${pct(freshCourse, fresh.length)}), ${freshAny} at any training (${pct(freshAny, fresh.length)}); reserve cadres: ${pool.length}, ${poolAny} trained this year (${pct(poolAny, pool.length)}).`),
  ];
  if (input.result.courses === 0) {
    out.push(input.required
      ? L(`警告：${input.year} 年没有新会员培训班（标签为 ${input.tags.join('/')} 的培训记录），mj.yaml 要求每年至少举办 1 期（MJ701）。`,
        `Warning: no new-member course in ${input.year} (a 培训 record tagged ${input.tags.join('/')}); mj.yaml asks for one every year (MJ701).`)
      : L(`${input.year} 年没有新会员培训班（标签为 ${input.tags.join('/')} 的培训记录）。`, `No new-member course in ${input.year} (a 培训 record tagged ${input.tags.join('/')}).`));
  }
  return out;
}

export function trainingsTable(input: TrainingTableInput): Table {
  const w = words(input);
  const { L } = w;
  const r = input.result;
  const columns: Column[] = [
    col('title', L('培训', 'Training'), 'text'),
    col('org', L('主办组织', 'Organised by'), 'text'),
    col('orgLevel', L('组织层级', 'Org level'), 'text'),
    col('level', L('培训层级', 'Level'), 'text'),
    col('first', L('开始日期', 'First day'), 'text'),
    col('sessions', L('期（次）数', 'Sessions'), 'int'),
    col('hours', L('学时', 'Hours'), 'number'),
    col('personTimes', L('培训人次', 'Person-times'), 'int'),
    col('trainees', L('参训人数', 'Trainees'), 'int'),
    col('newMemberCourse', L('新会员培训班', 'New-member course'), 'text'),
  ];
  const rows: Row[] = r.trainings.map((t) => ({
    kind: 'data',
    cells: [t.title, t.org.name, t.org.type, t.level ?? '', formatDay(t.first), t.sessions, t.hours, t.personTimes, t.trainees, t.newMemberCourse ? w.yes : w.no],
  }));
  const courses = r.trainings.filter((t) => t.newMemberCourse).length;
  rows.push({
    kind: 'total',
    cells: [L('合计', 'Total'), '', '', '', '', r.trainings.reduce((n, t) => n + t.sessions, 0), r.hours, r.personTimes, r.trainings.reduce((n, t) => n + t.trainees, 0), `${w.yes} ${courses}/${r.trainings.length}`],
  });
  return {
    name: 'trainings',
    compact: { keys: ['title', 'org', 'sessions', 'hours', 'personTimes', 'newMemberCourse'], dropFirst: ['hours'] },
    title: L(`${input.datasetName}${input.year}年度会员培训情况`, `${input.datasetName}: member training, ${input.year}`),
    columns, rows,
    notes: [
      L('一项培训：同一组织以同一标题登记的培训记录（类型 培训），每条记录为一期（次）；学时为各期学时之和，培训人次为各期列出的会员人数之和，参训人数为不重复的会员数（合计行为各项之和）。组织层级为主办组织的类型，培训层级为记录的报送层级（如参加民进中央、中央统战部的培训写“国家”）。',
        'A training: the 培训 records one org holds under one title, each a session; hours are the sessions\' summed, person-times the members listed summed, trainees the distinct members (the total row sums the rows). Org level is the organising org\'s type; level is the records\' 报送层级 (e.g. 国家 for a course of 民进中央).'),
      L(`新会员培训班：标签含 ${input.tags.join('/')} 的培训（mj.yaml 的 training: 可改）。`, `New-member course: a training tagged ${input.tags.join('/')} (mj.yaml's training: changes it).`),
      ...coverage(input),
    ],
  };
}

export function traineesTable(input: TrainingTableInput): Table {
  const w = words(input);
  const { L } = w;
  const r = input.result;
  const members = input.members;
  const columns: Column[] = [
    col('id', L('会员编号', 'Member id'), 'id'),
    col('name', L('姓名', 'Name'), 'text'),
    col('branch', L('支部', 'Branch'), 'text'),
    col('category', L('类别', 'Kind'), 'text'),
    col('joined', L('入会时间', 'Joined'), 'text'),
    col('records', L('本年培训次数', 'Trainings this year'), 'int'),
    col('hours', L('培训学时', 'Training hours'), 'number'),
    col('course', L('参加新会员培训班', 'At a new-member course'), 'text'),
  ];
  const kind = (isNew: boolean, isReserve: boolean): string => [isNew ? L('新会员', 'new member') : '', isReserve ? L('后备干部', 'reserve cadre') : ''].filter(Boolean).join(w.sep);
  let hours = Rational.ZERO;
  const rows: Row[] = r.trainees.map((t) => {
    const m = members[t.member]!;
    hours = hours.add(t.hours);
    return { kind: 'data', cells: [m.id, input.mask ? maskName(m.name) : m.name, w.orgName(t.branch), kind(t.isNew, t.isReserve), formatDay(m.joined), t.records, t.hours, t.newMemberCourse ? w.yes : w.no] };
  });
  const trained = r.trainees.filter((t) => t.records > 0).length;
  rows.push({
    kind: 'total',
    cells: [L('合计', 'Total'), '', '', '', '', r.trainees.reduce((n, t) => n + t.records, 0), hours, `${w.yes} ${r.trainees.filter((t) => t.newMemberCourse).length}/${r.trainees.length}`],
  });
  const notes = [
    L(`列出 ${input.year} 年的新会员（入会时间在本年内）和后备干部（本年内任何一天在后备人才库中），以及他们本年参加的培训（列出该会员的培训记录）。本年参加过培训的 ${trained} 人。`,
      `The year's new members (joined in ${input.year}) and reserve cadres (in the pool on some day of it), with the trainings listing them this year. Trained this year: ${trained}.`),
    ...coverage(input),
  ];
  if (input.mask) notes.push(L('姓名已脱敏（只显示第一个字）。', 'Names are masked (first character only).'));
  return {
    name: 'trainees',
    compact: { keys: ['id', 'name', 'branch', 'category', 'records', 'course'] },
    title: L(`${input.datasetName}${input.year}年度新会员和后备干部培训情况`, `${input.datasetName}: training of new members and reserve cadres, ${input.year}`),
    columns, rows, notes,
  };
}

// ── 后备人才库 ────────────────────────────────────────────────────────────────

export interface ReserveTableInput extends PracticeTableInput {
  readonly year: number;
  readonly asOf: Day;
  readonly members: readonly Member[];
  readonly stays: readonly PoolStay[];
  /** The year's statistics (the pool's duty records), by roster index. */
  readonly counts: StatsCounts;
  readonly history: boolean;
}

export function reserveTable(input: ReserveTableInput): Table {
  const w = words(input);
  const { L } = w;
  const c = input.counts;
  const columns: Column[] = [
    col('id', L('会员编号', 'Member id'), 'id'),
    col('name', L('姓名', 'Name'), 'text'),
    col('branch', L('支部', 'Branch'), 'text'),
    col('category', L('类别', 'Kind'), 'text'),
    col('gender', L('性别', 'Gender'), 'text'),
    col('age', L('年龄', 'Age'), 'int'),
    col('title', L('职称', 'Title'), 'text'),
    col('sector', L('界别', 'Sector'), 'text'),
    col('roles', L('政治安排', 'Posts'), 'text'),
    col('from', L('入库时间', 'Entered'), 'text'),
    col('until', L('出库时间', 'Left the pool'), 'text'),
    col('reason', L('出库原因', 'Reason'), 'text'),
    col('change', L('本年变动', 'This year'), 'text'),
    col('sqmy', L('社情民意报送', 'Reports submitted'), 'int'),
    col('adopted', L('社情民意采用', 'Reports adopted'), 'int'),
    col('proposals', L('提案建议', 'Proposals'), 'int'),
    col('service', L('社会服务', 'Social service'), 'int'),
    col('hours', L('培训学时', 'Training hours'), 'number'),
  ];
  const sums = { sqmy: 0, adopted: 0, proposals: 0, service: 0, hours: Rational.ZERO };
  const rows: Row[] = input.stays.map((s) => {
    const m = input.members[s.member]!;
    const i = s.member;
    const sqmy = c.ofMember(c.mSqmy, i), adopted = c.ofMember(c.mSqmyAdopted, i);
    const proposals = c.ofMember(c.mLead, i) + c.ofMember(c.mCosigned, i), service = c.ofMember(c.mService, i);
    const hours = c.hoursOfMember(i);
    sums.sqmy += sqmy; sums.adopted += adopted; sums.proposals += proposals; sums.service += service; sums.hours = sums.hours.add(hours);
    const change = [s.entered ? L('新入库', 'entered') : '', s.left ? L('出库', 'left') : ''].filter(Boolean).join(w.sep) || (input.history ? L('在库', 'in the pool') : '');
    return {
      kind: 'data',
      cells: [
        m.id, input.mask ? maskName(m.name) : m.name, w.orgName(s.branch), s.kind, m.gender, m.birth === undefined ? null : ageOn(m.birth, input.asOf), m.title ?? '',
        m.sector ?? '', m.roles.join(';'), day(s.from), s.left ? day(s.until) : '', s.left ? (s.reason ?? '') : '', change,
        sqmy, adopted, proposals, service, hours,
      ],
    };
  });
  const entered = input.stays.filter((s) => s.entered).length, left = input.stays.filter((s) => s.left).length;
  rows.push({
    kind: 'total',
    cells: [L('合计', 'Total'), '', '', '', '', null, '', '', '', '', '', '', L(`入库 ${entered}，出库 ${left}`, `entered ${entered}, left ${left}`), sums.sqmy, sums.adopted, sums.proposals, sums.service, sums.hours],
  });
  const notes = [
    input.history
      ? L(`列出 ${input.year} 年内（截至 ${formatDay(input.asOf)}）任何一天在后备人才库中的会员，一段入库期间一行（后备人才库文件 reserve.csv）；在库须同时在册。出库时间当天起不再在库（与离会时间的算法相同）。`,
        `Members in the pool on some day of ${input.year} (up to ${formatDay(input.asOf)}), one row per stay (reserve.csv); in the pool means on the roster too. From the day left on, the member is out (as with the day a member leaves).`)
      : L('没有后备人才库文件（reserve.csv）：按名册的“后备干部”一栏（当前状态）列出，入库、出库时间不详。',
        'No reserve.csv: the pool is the roster\'s 后备干部 column (today\'s), without the days entered or left.'),
    L('年龄按截止日的周岁计算；各项履职记录为该会员本年的记录（列出该会员的记录，不论记在哪个组织名下）；提案建议含主笔和联名。',
      'Age in completed years on the as-of day; the duty columns are the member\'s records of the year (listing them, wherever credited); proposals count lead and co-signed.'),
  ];
  if (input.mask) notes.push(L('姓名已脱敏（只显示第一个字）。', 'Names are masked (first character only).'));
  return {
    name: 'reserve',
    compact: { keys: ['id', 'name', 'branch', 'category', 'title', 'from', 'until', 'change', 'sqmy'], dropFirst: ['title', 'sqmy'] },
    title: L(`${input.datasetName}${input.year}年度后备人才库（截至 ${formatDay(input.asOf)}）`, `${input.datasetName}: reserve pool, ${input.year} (as of ${formatDay(input.asOf)})`),
    columns, rows, notes,
  };
}

export interface ReserveStructureInput {
  readonly datasetName: string;
  readonly lang: TableLang;
  readonly year: number;
  readonly asOf: Day;
  readonly kinds: readonly { readonly kind: ReserveKind; readonly counts: PoolCounts }[];
  readonly total: PoolCounts;
  readonly history: boolean;
}

export function reserveStructureTable(input: ReserveStructureInput): Table {
  const zh = input.lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const columns: Column[] = [
    col('category', L('类别', 'Kind'), 'text'),
    col('start', L('年初在库', 'At start of year'), 'int'),
    col('entered', L('本年入库', 'Entered'), 'int'),
    col('exited', L('本年出库', 'Left'), 'int'),
    col('end', L('年末在库', 'On the as-of day'), 'int'),
    col('female', L('女性', 'Women'), 'int'),
    col('minority', L('少数民族', 'Minorities'), 'int'),
    col('meanAge', L('平均年龄', 'Mean age'), 'points'),
    col('le40', L('40岁及以下', '≤ 40'), 'int'),
    col('41to60', L('41–60岁', '41–60'), 'int'),
    col('over60', L('60岁以上', '> 60'), 'int'),
    col('postgrad', L('研究生', 'Postgraduate'), 'int'),
    col('doctor', L('博士', 'Doctorate'), 'int'),
    col('full', L('正高级', 'Full senior title'), 'int'),
    col('associate', L('副高级', 'Associate senior title'), 'int'),
    col('seniorShare', L('副高以上占比', 'Senior share'), 'ratio'),
    col('deputies', L('人大代表', 'Congress deputies'), 'int'),
    col('cppcc', L('政协委员', 'CPPCC members'), 'int'),
    ...SECTORS.map((s) => col(`sector:${s}`, L(`界别：${s}`, `Sector: ${s}`), 'int')),
  ];
  const cells = (label: string, c: PoolCounts): Cell[] => {
    const s = c.structure;
    return [
      label, c.start, c.entered, c.exited, s.end, s.female, s.minority, s.ageKnown === 0 ? null : ratio(s.ageSum, s.ageKnown), s.le40, s.from41to60, s.over60,
      s.postgrad, s.doctor, s.full, s.associate, ratio(s.full + s.associate, s.end), s.deputies, s.cppcc, ...SECTORS.map((x) => s.sectors[x]!),
    ];
  };
  const rows: Row[] = input.kinds.map(({ kind, counts }) => ({ kind: 'data', cells: cells(kind, counts) }));
  rows.push({ kind: 'total', cells: cells(L('合计', 'Total'), input.total) });
  return {
    name: 'reserve-structure',
    compact: { keys: ['category', 'start', 'entered', 'exited', 'end', 'female', 'meanAge', 'seniorShare', 'cppcc'] },
    title: L(`${input.datasetName}${input.year}年度后备人才库结构（截至 ${formatDay(input.asOf)}）`, `${input.datasetName}: structure of the reserve pool, ${input.year} (as of ${formatDay(input.asOf)})`),
    columns, rows,
    notes: [
      L(`每行：年初在库 + 本年入库 − 本年出库 = 年末在库。年初在库为 ${formatDay(yearEnd(input.year - 1))} 在库的人数，等于上一年的年末在库；在库须同时在册（离会即出库）。各项结构按 ${formatDay(input.asOf)} 在库的会员统计，年龄按该日的周岁计算。`,
        `In every row: start + entered − left = last count. The start is the pool on ${formatDay(yearEnd(input.year - 1))}, so it equals last year's last count; in the pool means on the roster too (leaving mj's roster leaves the pool). The structure is of those in the pool on ${formatDay(input.asOf)}, ages on that day.`),
      ...(input.history ? [] : [L('没有后备人才库文件（reserve.csv）：按名册的“后备干部”一栏（当前状态）计算。', 'No reserve.csv: by the roster\'s 后备干部 column (today\'s).')]),
    ],
  };
}

// ── 领导班子 ──────────────────────────────────────────────────────────────────

export interface LeadershipTableInput extends PracticeTableInput {
  readonly year: number;
  readonly seats: readonly SeatYear[];
  readonly only: ReadonlySet<string> | undefined;
  readonly orgFilter: string | undefined;
}

export function leadershipTable(input: LeadershipTableInput): Table {
  const w = words(input);
  const { L } = w;
  const kindHeader = (k: (typeof MEETING_KINDS)[number]): string => (k === '其他' ? L('其他会议', 'other meetings') : k);
  const columns: Column[] = [
    col('org', L('组织', 'Committee'), 'text'),
    col('id', L('会员编号', 'Member id'), 'id'),
    col('name', L('姓名', 'Name'), 'text'),
    col('role', L('职务', 'Post'), 'text'),
    col('from', L('任职时间', 'From'), 'text'),
    col('until', L('离任时间', 'Until'), 'text'),
    ...REVIEW_KINDS.map((k) => col(`review:${k}`, k, 'text')),
    ...MEETING_KINDS.flatMap((k) => [col(`held:${k}`, L(`${kindHeader(k)}应出席`, `${kindHeader(k)} held`), 'int'), col(`attended:${k}`, L(`${kindHeader(k)}出席`, `${kindHeader(k)} attended`), 'int')]),
    col('attendance', L('出席率', 'Attendance'), 'ratio'),
  ];
  const shown = input.seats.filter((s) => !input.only || input.only.has(s.org.id));
  const held = MEETING_KINDS.map(() => 0), attended = MEETING_KINDS.map(() => 0);
  const rows: Row[] = shown.map((s) => {
    const h = s.held.reduce((a, b) => a + b, 0), a = s.attended.reduce((x, y) => x + y, 0);
    s.held.forEach((n, k) => (held[k]! += n));
    s.attended.forEach((n, k) => (attended[k]! += n));
    return {
      kind: 'data',
      cells: [
        s.org.name, s.leader.member, w.name(s.leader.member), s.leader.role, day(s.leader.from), day(s.leader.until),
        ...REVIEW_KINDS.map((k) => s.results[k] ?? ''), ...MEETING_KINDS.flatMap((_, k) => [s.held[k]!, s.attended[k]!]), h === 0 ? null : ratio(a, h),
      ],
    };
  });
  const reviewed = (k: (typeof REVIEW_KINDS)[number]): string => {
    const n = shown.filter((s) => s.results[k] !== undefined).length;
    return n === 0 ? '' : L(`${n} 人`, `${n}`);
  };
  const h = held.reduce((a, b) => a + b, 0), a = attended.reduce((x, y) => x + y, 0);
  rows.push({ kind: 'total', cells: [L('合计', 'Total'), '', `${shown.length}`, '', '', '', ...REVIEW_KINDS.map(reviewed), ...MEETING_KINDS.flatMap((_, k) => [held[k]!, attended[k]!]), h === 0 ? null : ratio(a, h)] });
  const notes = [
    L(`列出 ${input.year} 年内任何一天在任的领导班子成员（领导班子文件 leaders.csv；它没有列出的委员会按 orgs.yaml 的 committee，视为一直在任）；考评结果来自 reviews/${input.year}.csv。`,
      `Members of the committees' 领导班子 on some day of ${input.year} (leaders.csv; for the committees it does not list, orgs.yaml's committee, holding for all dates); results from reviews/${input.year}.csv.`),
    L('出席：记在该委员会名下、类型为支委会的记录是它的会议，标签含“主委会”或“常委会”的分别计；应出席为任职期间召开的次数（主委会只计主委、副主委和秘书长，常委会和其他会议计全体成员），出席为其中列出该成员的次数；出席率 = 出席 ÷ 应出席（没有会议记录时空白）。合计行由合计的次数计算。',
      'Attendance: the committee\'s meetings are its 支委会 records, tagged 主委会 or 常委会 by kind; held counts the meetings during the seat (a 主委会 for the 主委, 副主委 and 秘书长 only; a 常委会 or other meeting for every seat), attended those listing the holder; attendance = attended ÷ held (blank without meetings). The total row\'s from the summed counts.'),
  ];
  if (input.orgFilter !== undefined) notes.push(L(`只列出${input.orgFilter}下的委员会。`, `Only the committees under ${input.orgFilter} are listed.`));
  if (input.mask) notes.push(L('姓名已脱敏（只显示第一个字）。', 'Names are masked (first character only).'));
  return {
    name: 'leadership',
    compact: { keys: ['org', 'name', 'role', 'review:述职述评', 'review:年度考核', 'attendance'] },
    title: L(`${input.datasetName}${input.year}年度领导班子考评和会议出席情况`, `${input.datasetName}: leadership reviews and meeting attendance, ${input.year}`),
    columns, rows, notes,
  };
}
