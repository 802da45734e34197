// The invariants checked before any file is renamed into place: the hard targets on 2019-10-10,
// the org ids, every member's status and days, and committees and liaisons on the final roster.
import { END_DAY, NEVER, REF_DAY } from './calendar.mjs';
import { onRoster } from './on-roster.mjs';
import { qualificationTargets } from './qualifications.mjs';

/**
 * Returns { problems, senior, doctor }: the broken invariants (empty when all hold) and the
 * numbers holding 副高以上 and 博士 on the roster on 2019-10-10, for the summary line.
 */
export function checkInvariants(ctx, tree, M) {
  const N = ctx.members;
  const { senior: TARGET_SENIOR, doctor: TARGET_DOCTOR } = qualificationTargets(N);
  const R = M.filter((m) => onRoster(m, REF_DAY));
  const senior = R.filter((m) => m.title === '正高级' || m.title === '副高级').length;
  const doctor = R.filter((m) => m.degree === '博士').length;
  const problems = [];
  if (R.length !== N) problems.push(`roster on 2019-10-10 is ${R.length}, expected ${N}`);
  if (senior !== TARGET_SENIOR) problems.push(`副高以上 ${senior}, expected ${TARGET_SENIOR}`);
  if (doctor !== TARGET_DOCTOR) problems.push(`博士 ${doctor}, expected ${TARGET_DOCTOR}`);
  const ids = new Set(tree.orgs.map((g) => g.id));
  if (ids.size !== tree.orgs.length) problems.push('duplicate org ids');
  for (const g of tree.orgs) if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(g.id)) problems.push(`bad org id ${g.id}`);
  for (const m of M) {
    if (m.b.type !== '支部') problems.push(`${m.id} not in a 支部`);
    if ((m.status === '在册') !== (m.left === NEVER)) problems.push(`${m.id} status/left mismatch`);
    if (m.left !== NEVER && m.left <= m.join) problems.push(`${m.id} left before joining`);
    // on the roster on the day of dissolution or later ⇔ on it on the later of that day and the day of joining
    if (m.b.dis != null && onRoster(m, Math.max(m.b.dis, m.join))) problems.push(`${m.id} still in dissolved ${m.b.id}`);
  }
  // the history: moves inside the days on the roster, chained, into branches that exist; pool stays begin on the roster
  for (const m of M) {
    let at = null;
    for (const mv of m.moves ?? []) {
      if (mv.d <= m.join || mv.d >= m.left) problems.push(`${m.id} moves outside their days on the roster`);
      if (at && at !== mv.from) problems.push(`${m.id}'s moves do not chain`);
      if ((mv.to.est != null && mv.to.est > mv.d) || (mv.to.dis != null && mv.to.dis <= mv.d)) problems.push(`${m.id} moves into ${mv.to.id} outside its life`);
      at = mv.to;
    }
    if (at && at !== m.b) problems.push(`${m.id}'s last move is not to their branch`);
    for (const s of m.pool ?? []) if (!onRoster(m, s.from)) problems.push(`${m.id} enters the pool off the roster`);
    const open = m.status === '在册' && (m.pool ?? []).some((s) => s.kind === '后备干部' && s.until === NEVER);
    if (open !== (m.reserve === '是')) problems.push(`${m.id}'s 后备干部 column disagrees with the pool`);
  }
  for (const s of tree.seats ?? []) if (!onRoster(M[s.member], s.from)) problems.push(`seat of ${M[s.member].id} begins off the roster`);
  for (const g of tree.orgs) {
    for (const c of g.committee) if (!onRoster(M[c.member], END_DAY)) problems.push(`committee of ${g.id} holds a departed member`);
    if (g.liaison != null && !onRoster(M[g.liaison], END_DAY)) problems.push(`liaison of ${g.id} departed`);
  }
  return { problems, senior, doctor };
}
