// Reading the roster's history: transfers.csv (moves between branches, 转接) and reserve.csv
// (spans in the reserve pool, 后备干部和代表人士库). Each row's fields are checked where they were
// written; valid rows are grouped by member, in day order, for the checks across a member's rows
// and for the roster (load/dataset.ts attaches them to the members).

import { CHECKS } from '../checks/index.js';
import type { HistoryRefs, MemberMoves, MemberSpans } from '../checks/history.js';
import type { FieldPlacer } from '../checks/place.js';
import { NEVER, RESERVE_EXITS, RESERVE_KINDS, type Member, type Move, type ReserveSpan } from '../model/types.js';
import { fieldIndex } from '../schema/fields.js';
import type { LoadContext } from './context.js';
import { FieldReader } from './read-fields.js';
import { readRecordFile } from './records.js';

const T = { member: fieldIndex('transfers', 'member'), date: fieldIndex('transfers', 'date'), from: fieldIndex('transfers', 'from'), to: fieldIndex('transfers', 'to'), note: fieldIndex('transfers', 'note') };
const R = {
  member: fieldIndex('reserve', 'member'), kind: fieldIndex('reserve', 'kind'), from: fieldIndex('reserve', 'from'), until: fieldIndex('reserve', 'until'),
  reason: fieldIndex('reserve', 'reason'), note: fieldIndex('reserve', 'note'),
};

type PlacedMove = MemberMoves['moves'][number] & { line: number };
type PlacedSpan = MemberSpans['spans'][number] & { line: number };

/** Valid moves by member id, in day order (then file order); undefined when the file cannot be read. */
export async function loadTransfers(ctx: LoadContext, file: string, refs: HistoryRefs): Promise<Map<string, PlacedMove[]> | undefined> {
  const byMember = new Map<string, PlacedMove[]>();
  const ok = await readRecordFile(ctx, file, 'transfers', '会员转接', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const member = r.id(T.member);
    const day = r.date(T.date);
    const from = r.orgId(T.from);
    const to = r.orgId(T.to);
    r.text(T.note);
    for (const check of CHECKS.transfer) for (const d of check({ member, from, to }, r, refs)) r.add(d);
    if (r.bad || member === undefined || day === undefined || from === undefined || to === undefined) return;
    let list = byMember.get(member);
    if (!list) byMember.set(member, (list = []));
    list.push({ day, from, to, place: r, dateText: String(rec.values[T.date] ?? ''), line: rec.line });
  });
  if (!ok) return undefined;
  for (const list of byMember.values()) list.sort((a, b) => a.day - b.day || a.line - b.line);
  return byMember;
}

/** Valid pool spans by member id, in order of entry; undefined when the file cannot be read. */
export async function loadReserve(ctx: LoadContext, file: string, refs: HistoryRefs): Promise<Map<string, PlacedSpan[]> | undefined> {
  const byMember = new Map<string, PlacedSpan[]>();
  const ok = await readRecordFile(ctx, file, 'reserve', '后备人才库', (rec, rf) => {
    const r = new FieldReader(ctx, rf, rec);
    const member = r.id(R.member);
    const kind = r.oneOf(R.kind, RESERVE_KINDS) ?? '后备干部';
    const from = r.date(R.from);
    const until = r.date(R.until);
    const reason = r.oneOf(R.reason, RESERVE_EXITS);
    r.text(R.note);
    for (const check of CHECKS.reserve) for (const d of check({ member }, r, refs)) r.add(d);
    const untilText = String(rec.values[R.until] ?? '');
    if (from !== undefined && until !== undefined && until < from) r.report(R.until, 'MJ230', { until: untilText, from: String(rec.values[R.from]) }, { span: untilText.length });
    if (reason !== undefined && rec.values[R.until] === undefined) r.report(R.reason, 'MJ233', { reason }, { span: reason.length });
    if (r.bad || member === undefined || from === undefined) return;
    let list = byMember.get(member);
    if (!list) byMember.set(member, (list = []));
    list.push({ kind, from, until: until ?? NEVER, reason, origin: { file: rf.file, line: rec.line, column: rec.cols[R.member] || 1 }, place: r, fromText: String(rec.values[R.from] ?? ''), line: rec.line });
  });
  if (!ok) return undefined;
  for (const list of byMember.values()) list.sort((a, b) => a.from - b.from || a.line - b.line);
  return byMember;
}

/** Checks each member's moves against each other and the roster; the members' history as the model holds it. */
export function movesOf(ctx: LoadContext, member: Member, list: readonly PlacedMove[], orgs: HistoryRefs['orgs']): readonly Move[] {
  for (const check of CHECKS.moves) for (const d of check({ member, moves: list }, orgs)) ctx.report(d);
  return list.map((mv) => ({ day: mv.day, from: mv.from, to: mv.to, origin: { file: placeFile(mv.place), line: mv.line, column: 1 } }));
}

export function spansOf(ctx: LoadContext, member: Member, list: readonly PlacedSpan[]): readonly ReserveSpan[] {
  for (const check of CHECKS.spans) for (const d of check({ member, spans: list })) ctx.report(d);
  return list.map(({ kind, from, until, reason, origin }) => ({ kind, from, until, reason, origin }));
}

function placeFile(p: FieldPlacer): string {
  return p.at(0, 'MJ330').file;
}
