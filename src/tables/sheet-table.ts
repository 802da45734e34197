// A unit sheet's scores (总支, 市委会 …) and the member sheet's → their tables: rank, the subject
// (unit and parent; member, name and branch), then the columns every score sheet has; notes
// state the sheet's rules (subjects counted, exact totals, bands, vetoes, quotas, extensions).

import type { MemberScore, UnitScore } from '../compute/sheets.js';
import type { Sheet } from '../model/rubric.js';
import type { Org } from '../model/types.js';
import { yearEnd } from '../model/types.js';
import { formatDay } from '../util/dates.js';
import { Rational } from '../util/decimal-text.js';
import { headers, type TableLang } from './headers.js';
import { maskName } from './rows.js';
import { rubricExtensionNotes, shareText, sheetCells, sheetColumns, sheetCompact, vetoNotes } from './scores-table.js';
import type { Column, Row, Table } from './table.js';

export interface UnitSheetTableInput {
  readonly datasetName: string;
  readonly year: number;
  readonly sheet: Sheet;
  readonly scores: readonly UnitScore[];
  readonly orgById: ReadonlyMap<string, Org>;
  /** Unit ids to show (an --org subtree), or undefined for all. */
  readonly only: ReadonlySet<string> | undefined;
  readonly lang: TableLang;
}

export function unitSheetTable(input: UnitSheetTableInput): Table {
  const { sheet, lang } = input;
  const zh = lang === 'zh';
  const h = headers(lang);
  const columns: Column[] = [
    { key: 'rank', header: h.rank, kind: 'int' },
    { key: 'unit', header: zh ? '单位' : 'Unit', kind: 'text' },
    { key: 'id', header: zh ? '单位编号' : 'Unit id', kind: 'id' },
    { key: 'parent', header: h.parent, kind: 'text' },
    ...sheetColumns(sheet, lang),
  ];
  const rows: Row[] = [];
  for (const s of input.scores) {
    if (input.only && !input.only.has(s.unit.id)) continue;
    const parent = s.unit.parent === undefined ? undefined : input.orgById.get(s.unit.parent);
    rows.push({ kind: 'data', cells: [s.rank, s.unit.name, s.unit.id, parent?.name ?? '', ...sheetCells(s, sheet, lang)] });
  }
  const word = zh ? '个单位' : 'units';
  return {
    name: `scores-${sheet.id}`, title: `${input.datasetName}${input.year}年度${sheet.name}`, columns, rows, compact: sheetCompact(sheet, 'unit'),
    notes: sheetNotes(sheet, input.scores.length, input.year, lang, word, zh ? `（${sheet.types.join('、')}）` : ` (${sheet.types.join(', ')})`),
  };
}

export interface MemberSheetTableInput {
  readonly datasetName: string;
  readonly year: number;
  readonly sheet: Sheet;
  readonly scores: readonly MemberScore[];
  readonly branches: readonly Org[];
  /** Member ids to show (an --org subtree's), or undefined for all. */
  readonly only: ReadonlySet<string> | undefined;
  readonly mask: boolean;
  readonly lang: TableLang;
}

export function memberSheetTable(input: MemberSheetTableInput): Table {
  const { sheet, lang } = input;
  const zh = lang === 'zh';
  const h = headers(lang);
  const columns: Column[] = [
    { key: 'rank', header: h.rank, kind: 'int' },
    { key: 'id', header: zh ? '会员编号' : 'Member id', kind: 'id' },
    { key: 'name', header: zh ? '姓名' : 'Name', kind: 'text' },
    { key: 'branch', header: h.branch, kind: 'text' },
    ...sheetColumns(sheet, lang),
  ];
  const rows: Row[] = [];
  for (const s of input.scores) {
    if (input.only && !input.only.has(s.member.id)) continue;
    const name = input.mask ? maskName(s.member.name) : s.member.name;
    rows.push({ kind: 'data', cells: [s.rank, s.member.id, name, input.branches[s.branch]?.name ?? '', ...sheetCells(s, sheet, lang)] });
  }
  const word = zh ? '名在册会员' : 'active members';
  return {
    name: 'scores-members', title: `${input.datasetName}${input.year}年度${sheet.name}`, columns, rows, compact: sheetCompact(sheet, 'name'),
    notes: sheetNotes(sheet, input.scores.length, input.year, lang, word, ''),
  };
}

function sheetNotes(sheet: Sheet, n: number, year: number, lang: TableLang, word: string, which: string): string[] {
  const zh = lang === 'zh';
  const notes: string[] = [
    zh ? `共 ${n} ${word}${which}参加 ${year} 年考核；在册会员按 ${formatDay(yearEnd(year))} 计算。` : `${n} ${word}${which} are assessed for ${year}; active members are counted on ${formatDay(yearEnd(year))}.`,
    zh ? '总分、排名和等级都按未经四舍五入的精确总分计算；排名相同者并列。' : 'Totals, ranks and grades use the exact total; equal totals share a rank.',
    ...rubricExtensionNotes(sheet, lang),
  ];
  const bands = sheet.grades.map((g) => `${g.name} ≥ ${g.min.toShort(2)}`).join(zh ? '，' : ', ');
  notes.push(zh ? `等级：${bands}。` : `Grades: ${bands}.`);
  notes.push(...vetoNotes(sheet, lang));
  for (const g of sheet.grades) {
    if (g.quota === undefined && g.top === undefined) continue;
    const parts: string[] = [];
    if (g.quota !== undefined) {
      parts.push(g.quotaPer === undefined
        ? (zh ? `全部 ${n} 个 × ${shareText(g.quota)}，至多 ${g.quota.mul(Rational.int(n)).floor()} 个` : `${n} × ${shareText(g.quota)}, at most ${g.quota.mul(Rational.int(n)).floor()}`)
        : (zh ? `每个${g.quotaPer}内 × ${shareText(g.quota)}` : `within each ${g.quotaPer} × ${shareText(g.quota)}`));
    }
    if (g.top !== undefined) parts.push(zh ? `至多前 ${g.top} 名` : `at most the top ${g.top}`);
    const ties = g.ties === 'keep' ? (zh ? '名额线上并列的一起保留' : 'those tied at the cut keep it') : (zh ? '名额线上并列的一起降入下一档' : 'those tied at the cut fall together');
    notes.push(zh ? `${g.name}名额：${parts.join('，')}；${ties}。` : `${g.name} quota: ${parts.join(', ')}; ${ties}.`);
  }
  return notes;
}
