// Messages of the CLI itself (help, usage problems, summaries), zh and en. Table headers live
// with the tables; diagnostics in diagnostics/codes.ts.

import type { Lang } from '../diagnostics/codes.js';

const ZH = {
  'program.description': 'mj：民进基层组织履职数据工具——校验名册和履职记录，计算支部考核评分，生成统计表',
  'opt.data': '数据目录（含 mj.yaml）；默认从当前目录向上查找',
  'opt.lang': '语言：zh 或 en',
  'opt.noColor': '不使用颜色',
  'opt.encoding': 'CSV 文件的编码：utf-8、gb18030、utf-16le（默认自动识别）',
  'opt.maxFileSize': '单个数据文件的大小上限（MB），默认 1024，0 表示不限',
  'opt.format.validate': '输出格式：text、json 或 github',
  'opt.maxDiagnostics': '最多完整显示多少条问题（0 = 全部），默认 200',
  'opt.strict': '有警告也按失败退出',
  'opt.schemaOut': '写入 JSON Schema 文件的目录',
  'cmd.validate': '检查数据目录中的每个文件，一次列出所有问题',
  'cmd.schema': '输出各类文件的 JSON Schema（供编辑器自动补全）',
  'cmd.help': '显示帮助',
  'validate.ok': '{name}：组织 {orgs} 个（支部 {branches} 个），会员 {members} 人（在册 {active} 人）{years}；检查通过。',
  'validate.okWarnings': '{name}：组织 {orgs} 个（支部 {branches} 个），会员 {members} 人（在册 {active} 人）{years}；没有错误。',
  'validate.years': '，履职记录 {list}',
  'validate.year': '{year} 年 {n} 条',
  'validate.rubrics': '，评分表 {list}',
  'usage.badFormat': '不支持的格式“{value}”，可选：{allowed}',
  'usage.badLang': '不支持的语言“{value}”，可选：zh、en',
  'usage.badEncoding': '不支持的编码“{value}”，可选：utf-8、gb18030、utf-16le、utf-16be',
  'usage.badNumber': '选项 {option} 需要一个非负整数，收到“{value}”',
  'usage.unknownOption': '未知选项 {option}',
  'usage.missingSubcommand': '{command} 后面要写 {choices} 中的一个，例如 mj {command} {example} 2019',
  'usage.unknownCommand': '未知命令 {command}',
  'usage.missingArgument': '缺少参数 {argument}',
  'usage.optionMissingArgument': '选项 {option} 缺少取值',
  'usage.excessArguments': '多余的参数：{args}',
  'usage.seeHelp': '用 mj --help 查看用法',
  'usage.badExtension': '无法从文件名 {file} 判断格式，可用的扩展名：{allowed}',
  'usage.formatMismatch': '--format {format} 与输出文件 {file} 的扩展名不一致',
  'usage.outputIsInput': '{file} 是 mj 读取的数据文件，不能写到它上面',
  'usage.reportBusy': '另一个 mj report（进程 {pid}）正在写入 {dir}，等了 10 秒仍未结束；等它结束后再运行',
  'usage.outputIsInputPattern': '{file} 在数据文件的位置上（mj 以后会把它当作数据读取），不能写到这里；换一个文件夹，例如 --out 输出/',
  'usage.outputNotAFile': '{file} 已存在且不是普通文件，不会替换它',
  'usage.badYear': '年份应为四位数字，例如 2019，收到“{value}”',
  'usage.unknownOrg': '没有编号为“{value}”的组织',
  'usage.unknownBranch': '“{value}”不是 {year} 年参加考核的支部',
  'blocked': '数据有错误，未生成任何输出。改正后再运行（mj validate 可列出全部问题）。',
  'warningsOnly': '（数据有 {n} 个警告，运行 mj validate 查看）',
  'opt.format.table': '输出格式：table、csv、md、json 或 xlsx（默认：终端中为表格，否则为 CSV）',
  'opt.out': '写入文件（格式由扩展名决定：.csv .md .json .txt .xlsx）',
  'opt.excel': 'CSV 加 BOM 和 CRLF，便于 Excel 直接打开',
  'opt.org': '只列出该组织下的支部（排名、名额仍按全部支部计算）',
  'opt.explain': '说明该支部每一项得分的来历',
  'cmd.score': '基层支部年度工作量化考核评分表',
  'cmd.stats': '统计表：branches（支部履职情况）、members（会员履职情况）、roster（会员结构）',
  'cmd.stats.branches': '支部履职情况统计表',
  'cmd.stats.members': '会员履职情况统计表',
  'cmd.stats.roster': '会员结构统计表（YEAR 或 --as-of 至少写一个）',
  'cmd.progress': '“三个一”完成情况，以及尚未报送社情民意的会员',
  'opt.by': '按组汇总：市委会（或 city），每组后加小计行',
  'opt.mask': '姓名脱敏（只显示第一个字），用于公开的表格',
  'opt.asOf': '统计截止日期（须在该年内），例如 2019-06-30',
  'usage.badBy': '--by 只支持“市委会”（或 city），收到“{value}”',
  'usage.orgIdHint': '组织编号是 orgs.yaml 中各组织的 id，例如 gy-edu1',
  'usage.didYouMean': '是否为 {value}？',
  'opt.version': '显示版本号',
  'cmd.helpCommand': '显示某个命令的帮助',
  'opt.orgStats': '只列出该组织下的支部或会员（合计只加总列出的行）',
  'usage.badName': '数据集名称 {value} 不能为空，不能含换行或控制字符，且不超过 60 个字',
  'usage.noStandalone': '找不到 mj 的单文件版本 {file}：请先运行 npm run build',
  'usage.pinNoDataset': '这里不是数据目录（找不到 mj.yaml），mj pin 要在数据仓库中运行',
  'usage.pinHint': '进入数据仓库再运行，或用 --data 指定它',
  'init.git': '已在 {dir} 创建 git 仓库（git init）；提交：git add -A && git commit -m "初始数据"',
  'init.inGit': '该文件夹已在一个 git 仓库中，没有再运行 git init。',
  'init.gitFailed': '注意：git init 没有成功（{detail}）；请手工创建 git 仓库。',
  'init.noGit': '注意：没有找到 git，没有创建 git 仓库；安装 git 后在该文件夹中运行 git init。',
  'pin.new': '已把 mj {version} 固定到 {file}。提交它，CI 和其他人就会用这个版本。',
  'pin.replaced': '已把 {file} 从 mj {old} 换成 mj {version}。提交它，CI 和其他人就会用这个版本。',
  'pin.same': '{file} 已是 mj {version}，没有改动。',
  'cmd.pin': '把数据仓库固定使用的 mj（.mj/mj.mjs）换成当前运行的这个版本',
  'opt.noGit': '不运行 git init',
  'opt.noExcel': 'CSV 不用 Excel 格式（不沿用报表清单中的 --excel）',
  'opt.noMask': '姓名不脱敏（不沿用报表清单中的 --mask）',
  'opt.noDate': '填表日期留空（不沿用报表清单中的 --date）',
  'opt.wide': '终端中也显示全部列（默认只显示主要列并适应终端宽度）',
  'usage.xlsxNeedsFile': 'XLSX 只能写入文件：请用 --out 文件名.xlsx',
  'usage.formatNotFor': '这份输出不能写成 {value} 格式，可用的格式：{allowed}',
  'usage.noSubsidyRule': '{year} 年的评分表中没有 subsidy: 规则，无法计算经费补助',
  'usage.initExists': '以下文件已存在，mj init 不会覆盖任何文件：{files}',
  'usage.initHint': '换一个空文件夹，例如 mj init 新数据',
  'init.done': '已在 {dir} 创建数据集（{n} 个文件，{year} 年）。接下来：编辑 orgs.yaml、members.csv 和 activities/{year}.csv，然后运行 mj validate。',
  'cmd.init': '新建数据集：模板文件、示例评分表、JSON Schema 和 CI 工作流',
  'arg.dir': '文件夹（默认当前文件夹）',
  'opt.initYear': '第一个年度（默认今年）',
  'opt.initName': '数据集名称，例如 民进贵州省委',
  'usage.reportNeedsYear': '请写年份，例如 mj report 2019（只有 --check 可以不写年份）',
  'cmd.report': '把该年的全部表格写入 reports/YEAR/（--format html 另写网页版；--check 检查已提交的报表是否过时）',
  'opt.reportFormat': '格式，逗号分隔：csv、md、json、xlsx、html（网页版：图表和各支部评分卡，写入 html/ 文件夹；默认 csv,md）',
  'opt.reportOut': '写入的文件夹（默认为数据目录下的 reports/YEAR/）',
  'opt.check': '不写文件：按清单中的设置重新生成并比较，列出过时、缺少或多余的文件',
  'report.written': '已写入 {n} 个文件到 {dir}',
  'report.upToDate': '报表与数据一致（{n} 个报表文件夹）。',
  'report.stale': '有 {n} 个报表文件与数据不一致。重新生成：',
  'report.thenCommit': '然后提交改动（git add -A && git commit）。',
  'report.reused': '沿用 {file} 中的设置：{settings}（在命令行上写出的设置优先）',
  'report.staleFile': '过时：{file}',
  'report.missing': '缺少：{file}',
  'report.extra': '多余：{file}（mj 不生成这个文件：删除该文件）',
  'report.noReports': '还没有报表（reports/年份/mj-report.json），没有需要检查的文件；生成报表请运行 mj report 年份。',
  'cmd.subsidy': '基层组织活动经费补助（按评分表中的 subsidy: 规则）',
  'opt.date': 'XLSX 表尾的填表日期，例如 2020-01-15（默认空白）',
  'usage.badDate': '日期“{value}”无效，请写作 2019-06-30',
  'usage.asOfOutsideYear': '--as-of {value} 不在 {year} 年内',
  'usage.noAsOf': 'mj {command} 不使用 --as-of（在册会员按 12 月 31 日计算）',
  'usage.yearOrAsOf': '请写年份或 --as-of 日期，例如 mj stats roster 2019 或 --as-of 2019-10-10',
  'arg.year': '年份，例如 2019',
  'usage.error': '用法错误',
  'schema.written': '已写入 {n} 个 JSON Schema 文件到 {dir}',
  'io.error': '无法写入 {file}：{detail}',
  'io.unchanged': '  提示：原有文件都没有改动；解决上面的问题后重新运行即可。',
  'io.partial': '  提示：部分文件已换成新的（每个文件都是完整的）；解决上面的问题后重新运行即可。',
  'written': '已写入 {file}',
  'io.stdout': '无法写入标准输出：{detail}；输出不完整，请检查重定向的文件或磁盘空间',
  'internal': 'mj 内部错误，请报告（设置 MJ_DEBUG=1 可看到详细信息）',
} as const;

export type CliKey = keyof typeof ZH;

const EN = {
  'program.description': 'mj: duty records of the Association\'s branches — check the roster and records, score branches, build the statistics tables',
  'opt.data': 'dataset folder (holding mj.yaml); default: search upward from the current folder',
  'opt.lang': 'language: zh or en',
  'opt.noColor': 'no colours',
  'opt.encoding': 'encoding of the CSV files: utf-8, gb18030, utf-16le (default: detected)',
  'opt.maxFileSize': 'largest data file read, in MB (default 1024; 0: no limit)',
  'opt.format.validate': 'output format: text, json or github',
  'opt.maxDiagnostics': 'how many problems to show in full (0 = all), default 200',
  'opt.strict': 'fail on warnings too',
  'opt.schemaOut': 'folder to write the JSON Schema files into',
  'cmd.validate': 'check every file of the dataset and list every problem at once',
  'cmd.schema': 'print the JSON Schemas of the data files (for editor completion)',
  'cmd.help': 'show help',
  'validate.ok': '{name}: {orgs} orgs ({branches} branches), {members} members ({active} active){years}; all checks passed.',
  'validate.okWarnings': '{name}: {orgs} orgs ({branches} branches), {members} members ({active} active){years}; no errors.',
  'validate.years': ', duty records {list}',
  'validate.year': '{year}: {n}',
  'validate.rubrics': ', rubrics {list}',
  'usage.badFormat': 'unsupported format "{value}"; use one of {allowed}',
  'usage.badLang': 'unsupported language "{value}"; use zh or en',
  'usage.badEncoding': 'unsupported encoding "{value}"; use utf-8, gb18030, utf-16le or utf-16be',
  'usage.badNumber': 'option {option} takes a whole number ≥ 0, got "{value}"',
  'usage.unknownOption': 'unknown option {option}',
  'usage.missingSubcommand': '{command} needs one of {choices} after it, e.g. mj {command} {example} 2019',
  'usage.unknownCommand': 'unknown command {command}',
  'usage.missingArgument': 'missing argument {argument}',
  'usage.optionMissingArgument': 'option {option} needs a value',
  'usage.excessArguments': 'too many arguments: {args}',
  'usage.seeHelp': 'see mj --help',
  'usage.badExtension': 'cannot tell the format from the file name {file}; use one of {allowed}',
  'usage.formatMismatch': '--format {format} disagrees with the extension of {file}',
  'usage.outputIsInput': '{file} is one of the data files mj reads; mj will not write over it',
  'usage.reportBusy': 'another mj report (process {pid}) is writing {dir} and did not finish within 10 s; run again when it is done',
  'usage.outputIsInputPattern': '{file} is where mj reads data files (it would be read as data later); write somewhere else, e.g. --out out/',
  'usage.outputNotAFile': '{file} exists and is not a regular file; mj will not replace it',
  'usage.badYear': 'a year is four digits, e.g. 2019; got "{value}"',
  'usage.unknownOrg': 'there is no org with the id "{value}"',
  'usage.unknownBranch': '"{value}" is not a branch assessed in {year}',
  'blocked': 'The data has errors; nothing was written. Fix them and run again (mj validate lists them all).',
  'warningsOnly': '(the data has warnings: {n}; run mj validate to see them)',
  'opt.format.table': 'output format: table, csv, md, json or xlsx (default: a table on a terminal, else CSV)',
  'opt.out': 'write to this file (format from its extension: .csv .md .json .txt .xlsx)',
  'opt.excel': 'CSV with a BOM and CRLF, for Excel',
  'opt.org': 'only the branches under this org (ranks and quotas still count every branch)',
  'opt.explain': 'explain how each of this branch\'s points was reached',
  'cmd.score': 'the branch annual quantitative assessment score sheet',
  'cmd.stats': 'statistics tables: branches, members, roster',
  'cmd.stats.branches': 'branch duty-performance statistics',
  'cmd.stats.members': 'member duty-performance statistics',
  'cmd.stats.roster': 'membership structure (give YEAR or --as-of, or both)',
  'cmd.progress': '"three ones" progress, and the members who have not yet reported',
  'opt.by': 'roll up by group: 市委会 (or city), with a subtotal row per group',
  'opt.mask': 'mask names (first character only), for tables meant for the public',
  'opt.asOf': 'count as of this date (inside the year), e.g. 2019-06-30',
  'usage.badBy': '--by takes 市委会 (or city); got "{value}"',
  'usage.orgIdHint': 'an org id is the id of an org in orgs.yaml, e.g. gy-edu1',
  'usage.didYouMean': 'did you mean {value}?',
  'opt.version': 'show the version',
  'cmd.helpCommand': 'show help for a command',
  'opt.orgStats': 'only the branches or members under this org (totals add the rows shown)',
  'usage.badName': 'the dataset name {value} must be one line of text, without control characters, at most 60 characters',
  'usage.noStandalone': 'the single-file build of mj is missing ({file}): run npm run build first',
  'usage.pinNoDataset': 'this is not a dataset folder (no mj.yaml here or above); run mj pin inside the data repository',
  'usage.pinHint': 'go into the data repository first, or name it with --data',
  'init.git': 'made a git repository in {dir} (git init); commit with: git add -A && git commit -m "first data"',
  'init.inGit': 'the folder is inside a git repository already; git init was not run.',
  'init.gitFailed': 'note: git init failed ({detail}); make the git repository by hand.',
  'init.noGit': 'note: git was not found, so no git repository was made; install git and run git init in the folder.',
  'pin.new': 'pinned mj {version} in {file}. Commit it, and CI and everyone else use this version.',
  'pin.replaced': 'replaced {file}: mj {old} → mj {version}. Commit it, and CI and everyone else use this version.',
  'pin.same': '{file} is mj {version} already; nothing changed.',
  'cmd.pin': "replace the data repository's pinned mj (.mj/mj.mjs) with the version running this command",
  'opt.noGit': 'do not run git init',
  'opt.noExcel': 'plain CSV (not the manifest\'s --excel)',
  'opt.noMask': 'names unmasked (not the manifest\'s --mask)',
  'opt.noDate': 'blank date (not the manifest\'s --date)',
  'opt.wide': 'every column on a terminal too (by default it shows the essential ones, fitted to its width)',
  'usage.xlsxNeedsFile': 'XLSX goes to a file only: use --out NAME.xlsx',
  'usage.formatNotFor': 'this output cannot be written as {value}; the formats it has: {allowed}',
  'usage.noSubsidyRule': 'the {year} rubric has no subsidy: rule',
  'usage.initExists': 'these files exist already; mj init never writes over a file: {files}',
  'usage.initHint': 'use an empty folder, e.g. mj init new-data',
  'init.done': 'created a dataset in {dir} ({n} files, year {year}). Next: edit orgs.yaml, members.csv and activities/{year}.csv, then run mj validate.',
  'cmd.init': 'lay out a new dataset: templates, an example rubric, JSON Schemas and a CI workflow',
  'arg.dir': 'folder (default: the current folder)',
  'opt.initYear': 'the first year (default: this year)',
  'opt.initName': 'the dataset\'s name, e.g. 民进贵州省委',
  'usage.reportNeedsYear': 'give a year, e.g. mj report 2019 (only --check may go without one)',
  'cmd.report': 'write every table of the year into reports/YEAR/ (--format html adds web pages; --check: are the committed tables stale?)',
  'opt.reportFormat': 'formats, comma-separated: csv, md, json, xlsx, html (web pages with charts and a score card per branch, in html/; default csv,md)',
  'opt.reportOut': 'folder to write into (default reports/YEAR/ under the dataset)',
  'opt.check': 'write nothing: rebuild with the manifest\'s settings, compare, list stale, missing or extra files',
  'report.written': 'wrote {n} files to {dir}',
  'report.upToDate': 'the reports match the data ({n} report folders).',
  'report.stale': '{n} report files do not match the data. Rebuild them with:',
  'report.thenCommit': 'then commit the change (git add -A && git commit).',
  'report.reused': 'reusing the settings of {file}: {settings} (settings on the command line win)',
  'report.staleFile': 'stale: {file}',
  'report.missing': 'missing: {file}',
  'report.extra': 'extra: {file} (mj does not make this file: delete it)',
  'report.noReports': 'no reports yet (reports/YEAR/mj-report.json), so nothing to check; make them with mj report YEAR.',
  'cmd.subsidy': 'activity-fund subsidy per branch (from the rubric\'s subsidy: rule)',
  'opt.date': 'the date in XLSX footers, e.g. 2020-01-15 (blank by default)',
  'usage.badDate': 'invalid date "{value}"; write 2019-06-30',
  'usage.asOfOutsideYear': '--as-of {value} is not in {year}',
  'usage.noAsOf': 'mj {command} does not take --as-of (members are counted on 31 December)',
  'usage.yearOrAsOf': 'give a year or an --as-of date, e.g. mj stats roster 2019 or --as-of 2019-10-10',
  'arg.year': 'the year, e.g. 2019',
  'usage.error': 'usage error',
  'schema.written': 'wrote {n} JSON Schema files to {dir}',
  'io.error': 'cannot write {file}: {detail}',
  'io.unchanged': '  hint: no existing file was changed; fix the problem above and run again.',
  'io.partial': '  hint: some files were replaced by new ones (each file is whole); fix the problem above and run again.',
  'written': 'wrote {file}',
  'io.stdout': 'cannot write to standard output: {detail}; the output is incomplete (check the file it goes to, or the disk)',
  'internal': 'internal error in mj, please report it (set MJ_DEBUG=1 for details)',
} as const satisfies Record<CliKey, string>;

export function t(lang: Lang, key: CliKey, params: Readonly<Record<string, string | number>> = {}): string {
  const table: Record<CliKey, string> = lang === 'zh' ? ZH : EN;
  return table[key].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/** Why a write failed, in words (an errno code otherwise). */
export function writeReason(lang: Lang, code: string | undefined): string {
  const zh = lang === 'zh';
  switch (code) {
    case 'ENOENT':
      return zh ? '文件夹不存在' : 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return zh ? '没有写入权限' : 'permission denied';
    case 'ENOSPC':
      return zh ? '磁盘空间不足' : 'the disk is full';
    case 'EROFS':
      return zh ? '只读的文件系统' : 'a read-only file system';
    case 'EISDIR':
      return zh ? '这是一个文件夹' : 'it is a folder';
    case 'ENOTDIR':
      return zh ? '路径中有一段不是文件夹' : 'part of the path is not a folder';
    default:
      return code ?? (zh ? '未知错误' : 'unknown error');
  }
}

/** Language of messages: --lang, else LC_ALL / LANG, else zh (spec §2 "Language"). */
export function messageLang(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (option === 'en' || option === 'zh') return option;
  for (const v of [env['LC_ALL'], env['LANG']]) {
    if (!v) continue;
    if (/^en/i.test(v)) return 'en';
    if (/^zh/i.test(v)) return 'zh';
  }
  return 'zh';
}

/** Thousands separators, the same on every machine (no locale). */
export function groupDigits(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  const body = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + body;
}
