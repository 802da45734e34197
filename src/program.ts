// createProgram(io): the commander wiring of every command and its options. No domain logic:
// each action calls a command's run function, which returns the exit code.

import { Command, CommanderError, Option } from 'commander';
import type { Lang } from './diagnostics/codes.js';
import { messageLang, t } from './i18n/cli.js';
import { closest } from './diagnostics/suggest.js';
import { EXIT, UsageError, type ExitCode, type Io } from './io.js';

import { VERSION } from './version.js';

function addCommon(cmd: Command, lang: Lang): Command {
  return cmd
    .option('--data <dir>', t(lang, 'opt.data'))
    .option('--lang <lang>', t(lang, 'opt.lang'))
    .option('--no-color', t(lang, 'opt.noColor'))
    .option('--encoding <name>', t(lang, 'opt.encoding'))
    .option('--max-file-size <mb>', t(lang, 'opt.maxFileSize'));
}

function addOutput(cmd: Command, lang: Lang): Command {
  return cmd
    .option('--format <format>', t(lang, 'opt.format.table'))
    .option('--out <file>', t(lang, 'opt.out'))
    .option('--excel', t(lang, 'opt.excel'))
    .option('--date <date>', t(lang, 'opt.date'))
    .option('--wide', t(lang, 'opt.wide'));
}

/** Language of help and usage messages, decided before parsing: --lang in argv, else the environment. */
export function argvLang(argv: readonly string[], env: Io['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return messageLang(value, env);
}

export function createProgram(io: Io, lang: Lang, setExit: (code: ExitCode) => void): Command {
  const program = new Command('mj')
    .description(t(lang, 'program.description'))
    .version(VERSION, '-V, --version', t(lang, 'opt.version'))
    .helpOption('-h, --help', t(lang, 'cmd.help'))
    .helpCommand('help [command]', t(lang, 'cmd.helpCommand'))
    .configureHelp(helpConfig(lang))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });

  addCommon(program.command('validate').description(t(lang, 'cmd.validate')), lang)
    .addOption(new Option('--format <format>', t(lang, 'opt.format.validate')))
    .option('--max-diagnostics <n>', t(lang, 'opt.maxDiagnostics'))
    .option('--strict', t(lang, 'opt.strict'))
    .action(async (opts) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(opts, io));
    });

  addOutput(addCommon(program.command('score').description(t(lang, 'cmd.score')).argument('<year>', t(lang, 'arg.year')), lang), lang)
    .option('--org <id>', t(lang, 'opt.org'))
    .option('--explain <id>', t(lang, 'opt.explain'))
    .option('--sheet <id>', t(lang, 'opt.sheet'))
    .option('--mask', t(lang, 'opt.mask'))
    .action(async (year: string, opts) => {
      const { runScore } = await import('./commands/score.js');
      setExit(await runScore(year, opts, io));
    });

  addOutput(addCommon(program.command('subsidy').description(t(lang, 'cmd.subsidy')).argument('<year>', t(lang, 'arg.year')), lang), lang)
    .option('--org <id>', t(lang, 'opt.org'))
    .action(async (year: string, opts) => {
      const { runSubsidy } = await import('./commands/score.js');
      setExit(await runSubsidy(year, opts, io));
    });

  program
    .command('init')
    .description(t(lang, 'cmd.init'))
    .argument('[dir]', t(lang, 'arg.dir'))
    .option('--year <year>', t(lang, 'opt.initYear'))
    .option('--name <name>', t(lang, 'opt.initName'))
    .option('--no-git', t(lang, 'opt.noGit'))
    .option('--lang <lang>', t(lang, 'opt.lang'))
    .action(async (dir: string | undefined, opts) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(dir, opts, io));
    });

  program
    .command('pin')
    .description(t(lang, 'cmd.pin'))
    .option('--data <dir>', t(lang, 'opt.data'))
    .option('--lang <lang>', t(lang, 'opt.lang'))
    .action(async (opts) => {
      const { runPin } = await import('./commands/pin.js');
      setExit(await runPin(opts, io));
    });

  addCommon(program.command('report').description(t(lang, 'cmd.report')).argument('[year]', t(lang, 'arg.year')), lang)
    .option('--format <list>', t(lang, 'opt.reportFormat'))
    .option('--out <dir>', t(lang, 'opt.reportOut'))
    .option('--check', t(lang, 'opt.check'))
    .option('--excel', t(lang, 'opt.excel'))
    .option('--no-excel', t(lang, 'opt.noExcel'))
    .option('--mask', t(lang, 'opt.mask'))
    .option('--no-mask', t(lang, 'opt.noMask'))
    .option('--date <date>', t(lang, 'opt.date'))
    .option('--no-date', t(lang, 'opt.noDate'))
    .action(async (year: string | undefined, opts) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport(year, opts, io));
    });

  const stats = program.command('stats').description(t(lang, 'cmd.stats'));
  const statsCommand = (kind: 'branches' | 'members' | 'roster' | 'trainings' | 'trainees' | 'reserve' | 'reserve-structure', argument: string) => {
    const cmd = addOutput(addCommon(stats.command(kind).description(t(lang, `cmd.stats.${kind}`)).argument(argument, t(lang, 'arg.year')), lang), lang)
      .option('--org <id>', t(lang, 'opt.orgStats'))
      .option('--mask', t(lang, 'opt.mask'));
    if (kind === 'branches' || kind === 'members') cmd.option('--by <group>', t(lang, 'opt.by'));
    else if (kind === 'roster' || kind === 'reserve' || kind === 'reserve-structure') cmd.option('--as-of <date>', t(lang, 'opt.asOf'));
    cmd.action(async (year: string | undefined, opts) => {
      const { runStats } = await import('./commands/stats.js');
      setExit(await runStats(kind, year, opts, io));
    });
  };
  statsCommand('branches', '<year>');
  statsCommand('members', '<year>');
  statsCommand('roster', '[year]');
  statsCommand('trainings', '<year>');
  statsCommand('trainees', '<year>');
  statsCommand('reserve', '[year]');
  statsCommand('reserve-structure', '[year]');

  const practice = (name: 'liaison' | 'leadership', extra: (c: Command) => Command) =>
    extra(addOutput(addCommon(program.command(name).description(t(lang, `cmd.${name}`)).argument('<year>', t(lang, 'arg.year')), lang), lang)
      .option('--org <id>', t(lang, 'opt.orgStats'))
      .option('--mask', t(lang, 'opt.mask')))
      .action(async (year: string, opts) => {
        const { runLiaison, runLeadership } = await import('./commands/practices.js');
        setExit(await (name === 'liaison' ? runLiaison : runLeadership)(year, opts, io));
      });
  practice('liaison', (c) => c.option('--unvisited', t(lang, 'opt.unvisited')));
  practice('leadership', (c) => c);

  addOutput(addCommon(program.command('inspections').description(t(lang, 'cmd.inspections')).argument('[year]', t(lang, 'arg.yearOptional')), lang), lang)
    .option('--as-of <date>', t(lang, 'opt.inspectionsAsOf'))
    .option('--open', t(lang, 'opt.open'))
    .option('--org <id>', t(lang, 'opt.orgStats'))
    .action(async (year: string | undefined, opts) => {
      const { runInspections } = await import('./commands/practices.js');
      setExit(await runInspections(year, opts, io));
    });

  addOutput(addCommon(program.command('trend').description(t(lang, 'cmd.trend')).argument('<range>', t(lang, 'arg.range')), lang), lang)
    .option('--branches', t(lang, 'opt.trendBranches'))
    .option('--org <id>', t(lang, 'opt.orgStats'))
    .action(async (range: string, opts) => {
      const { runTrend } = await import('./commands/practices.js');
      setExit(await runTrend(range, opts, io));
    });

  addOutput(addCommon(program.command('progress').description(t(lang, 'cmd.progress')).argument('<year>', t(lang, 'arg.year')), lang), lang)
    .option('--as-of <date>', t(lang, 'opt.asOf'))
    .option('--org <id>', t(lang, 'opt.orgStats'))
    .option('--by <group>', t(lang, 'opt.by'))
    .option('--mask', t(lang, 'opt.mask'))
    .action(async (year: string, opts) => {
      const { runStats } = await import('./commands/stats.js');
      setExit(await runStats('progress', year, opts, io));
    });

  addCommon(program.command('import').description(t(lang, 'cmd.import')).argument('[files...]', t(lang, 'arg.files')), lang)
    .option('--kind <kind>', t(lang, 'opt.kind'))
    .option('--year <year>', t(lang, 'opt.importYear'))
    .option('--org <org>', t(lang, 'opt.importOrg'))
    .option('--map <file>', t(lang, 'opt.map'))
    .option('--suggest-map', t(lang, 'opt.suggestMap'))
    .option('--sheet <name>', t(lang, 'opt.workbookSheet'))
    .option('--dry-run', t(lang, 'opt.dryRun'))
    .option('--update', t(lang, 'opt.update'))
    .action(async (files: string[], opts) => {
      const { runImport } = await import('./commands/import.js');
      setExit(await runImport(files, opts, io));
    });

  addCommon(program.command('fmt').description(t(lang, 'cmd.fmt')), lang)
    .option('--check', t(lang, 'opt.fmtCheck'))
    .action(async (opts) => {
      const { runFmt } = await import('./commands/fmt.js');
      setExit(await runFmt(opts, io));
    });

  addCommon(program.command('diff').description(t(lang, 'cmd.diff')).argument('[base]', t(lang, 'arg.base')).argument('[head]', t(lang, 'arg.head')), lang)
    .option('--format <format>', t(lang, 'opt.diffFormat'))
    .option('--out <file>', t(lang, 'opt.diffOut'))
    .option('--mask', t(lang, 'opt.maskDiff'))
    .action(async (base: string | undefined, head: string | undefined, opts) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(base, head, opts, io));
    });

  addCommon(program.command('close').description(t(lang, 'cmd.close')).argument('<year>', t(lang, 'arg.year')), lang)
    .option('--reason <text>', t(lang, 'opt.closeReason'))
    .option('--date <date>', t(lang, 'opt.lockDate'))
    .action(async (year: string, opts) => {
      const { runClose } = await import('./commands/close.js');
      setExit(await runClose(year, opts, io));
    });

  addCommon(program.command('reopen').description(t(lang, 'cmd.reopen')).argument('<year>', t(lang, 'arg.year')), lang)
    .option('--reason <text>', t(lang, 'opt.reopenReason'))
    .option('--date <date>', t(lang, 'opt.lockDate'))
    .action(async (year: string, opts) => {
      const { runReopen } = await import('./commands/close.js');
      setExit(await runReopen(year, opts, io));
    });

  addCommon(program.command('schema').description(t(lang, 'cmd.schema')), lang)
    .option('--out <dir>', t(lang, 'opt.schemaOut'))
    .action(async (opts) => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(await runSchema(opts, io));
    });

  for (const cmd of allCommands(program).slice(1)) {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
    cmd.helpOption('-h, --help', t(lang, 'cmd.help')).configureHelp(helpConfig(lang));
    if (cmd.commands.length > 0) cmd.helpCommand('help [command]', t(lang, 'cmd.helpCommand'));
  }
  return program;
}

const ZH_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

/** Help headings in the user's language (commander writes them in English). */
function helpConfig(lang: Lang): { styleTitle: (title: string) => string } {
  return { styleTitle: (title) => (lang === 'zh' ? (ZH_TITLES[title] ?? title) : title) };
}

function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)];
}

/** A commander error as a message in the user's language, with a "did you mean" when one is close. */
export function usageMessage(e: CommanderError, lang: Lang, program?: Command, argv: readonly string[] = []): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const guess = (candidates: string[]): string => {
    const found = closest(quoted, candidates);
    return found === undefined ? '' : ` — ${t(lang, 'usage.didYouMean', { value: found })}`;
  };
  // `mj stats --data …`: the table was left out, and commander can only say the option is unknown.
  const group = program?.commands.find((c) => c.commands.length > 0 && c.name() === argv[0]);
  // `mj stats 2019`: the year where the table should be.
  const tableLeftOut = e.code === 'commander.unknownCommand' && argv[1] === quoted;
  if (group && ((e.code === 'commander.unknownOption' && (argv[1] === undefined || argv[1].startsWith('-'))) || tableLeftOut)) {
    const names = group.commands.map((c) => c.name()).filter((n) => n !== 'help');
    return t(lang, 'usage.missingSubcommand', { command: group.name(), choices: names.join(lang === 'zh' ? '、' : ', '), example: names[0]! });
  }
  switch (e.code) {
    case 'commander.unknownOption':
      return t(lang, 'usage.unknownOption', { option: quoted }) + guess(program ? allCommands(program).flatMap((c) => c.options.map((o) => o.long ?? '')).filter(Boolean) : []);
    case 'commander.unknownCommand':
      return t(lang, 'usage.unknownCommand', { command: quoted }) + guess(program ? allCommands(program).map((c) => c.name()) : []);
    case 'commander.missingArgument':
      // The argument as its help describes it (年份，例如 2019), not its name in the code.
      return t(lang, 'usage.missingArgument', { argument: argumentText(quoted, lang) });
    case 'commander.optionMissingArgument':
      return t(lang, 'usage.optionMissingArgument', { option: quoted });
    case 'commander.excessArguments': {
      // "too many arguments for 'validate'. Expected 0 arguments but got 1."
      const [, expected = '0', got = '?'] = /Expected (\d+) arguments? but got (\d+)/.exec(e.message) ?? [];
      return t(lang, expected === '0' ? 'usage.noArguments' : 'usage.excessArguments', { command: group?.commands.some((c) => c.name() === quoted) ? `${group.name()} ${quoted}` : quoted, expected, got });
    }
    default:
      return e.message.replace(/^error: /, '');
  }
}

/** A command argument's description for a message (year → 年份，例如 2019); its name when it has none. */
function argumentText(name: string, lang: Lang): string {
  const key = ({ year: 'arg.year', range: 'arg.range', files: 'arg.files' } as const)[name as 'year'];
  return key === undefined ? name : t(lang, key);
}

/** Runs mj with these arguments (without "node mj"); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const lang = argvLang(argv, io.env);
  let code: ExitCode = EXIT.ok;
  const program = createProgram(io, lang, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.exitCode === 0) return EXIT.ok;
      // `mj` or `mj stats` without a command: the help went to stderr, and that is a usage error.
      if (e.code === 'commander.help') return EXIT.usage;
      io.stderr(`mj: ${usageMessage(e, lang, program, argv)}\n${t(lang, 'usage.seeHelp')}\n`);
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`mj: ${e.message}\n${e.hint ?? t(lang, 'usage.seeHelp')}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  return code;
}
