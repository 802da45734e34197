// A copy of the tiny example whose names try to break out of HTML: branches, a city committee,
// a member, a record's title and the dataset itself (it still validates clean).

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TINY = join(import.meta.dirname, '..', '..', 'data-examples', 'tiny');

/** Data that tries to break out of the markup: branch, city, member, record title and dataset names. */
export const HOSTILE = {
  branch: '<script>alert(1)</script>',
  branch2: '"><img src=x onerror=alert(1)>',
  city: "<b onmouseover=alert(2)>市委'会</b>",
  member: '<svg onload=alert(3)>',
  title: '</title><script>alert(4)</script>',
  dataset: '民进<i>示例</i>省委',
} as const;

/** A copy of the tiny example with hostile names (validates clean). */
export function hostileTiny(dir: string): void {
  cpSync(TINY, dir, { recursive: true });
  const sub = (file: string, from: string, to: string): void => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
    writeFileSync(path, text.replaceAll(from, to));
  };
  const yaml = (s: string): string => `'${s.replaceAll("'", "''")}'`;
  sub('orgs.yaml', 'name: 贵阳一中支部', `name: ${yaml(HOSTILE.branch)}`);
  sub('orgs.yaml', 'name: 贵州大学支部', `name: ${yaml(HOSTILE.branch2)}`);
  sub('orgs.yaml', 'name: 民进贵阳市委会', `name: ${yaml(HOSTILE.city)}`);
  sub('mj.yaml', 'name: 民进示例省委', `name: ${yaml(HOSTILE.dataset)}`);
  sub('members.csv', '0003,张伟,', `0003,${HOSTILE.member},`);
  sub('activities/2019.csv', '支部新年座谈会', HOSTILE.title);
}

