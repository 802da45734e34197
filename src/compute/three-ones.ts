// "三个一" (spec §1): in the year the branch has a proposal or suggestion, a social-service
// record, and every active member has a member-info report of their own. The one home of the
// rule: the score sheet, the statistics tables, progress and --explain all ask it here.

/** Every active member has reported; a branch with no active member has not. */
export function membersCovered(covered: number, active: number): boolean {
  return active > 0 && covered === active;
}

export function threeOnesComplete(t: { readonly proposal: boolean; readonly service: boolean; readonly covered: number; readonly active: number }): boolean {
  return t.proposal && t.service && membersCovered(t.covered, t.active);
}
