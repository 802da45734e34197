// Runs a generated GitHub Actions workflow's steps here, as the runner would: each `run:` step in
// bash -eo pipefail, with the step's `env:`, `${{ … }}` filled from a small context, `if:`
// conditions of the forms the template uses, later steps skipped after a failure unless their
// condition says otherwise, and a $GITHUB_STEP_SUMMARY file per step whose contents make the job
// summary. `uses:` steps (checkout, setup-node) are what the test has done already.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string | number>;
}

export interface StepRun {
  readonly name: string;
  readonly skipped: boolean;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
}

export interface WorkflowRun {
  readonly steps: readonly StepRun[];
  /** The run steps that ran. */
  readonly ran: readonly StepRun[];
  readonly ok: boolean;
  /** Every step's summary, in order: what GitHub shows as the job's summary. */
  readonly summary: string;
}

export interface WorkflowOptions {
  readonly event: 'push' | 'pull_request';
  readonly env: NodeJS.ProcessEnv;
  /** Values of `${{ name }}` (github.token, github.repository, github.event.pull_request.number …). */
  readonly context?: Record<string, string>;
}

export function workflowSteps(repo: string): Step[] {
  const wf = parse(readFileSync(join(repo, '.github', 'workflows', 'mj.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  return Object.values(wf.jobs).flatMap((j) => j.steps);
}

function fill(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const v = context[name];
    if (v === undefined) throw new Error(`workflow helper: no value for \${{ ${name} }}`);
    return v;
  });
}

/** The conditions the template writes: terms joined by &&. */
function condition(text: string | undefined, failed: boolean, event: string): boolean {
  if (text === undefined) return !failed;
  const body = text.trim().replace(/^\$\{\{\s*/, '').replace(/\s*\}\}$/, '');
  let status: boolean | undefined;
  let rest = true;
  for (const raw of body.split('&&')) {
    const term = raw.trim();
    if (term === '!cancelled()' || term === 'always()') status = true;
    else if (term === 'success()') status = !failed;
    else if (term === 'failure()') status = failed;
    else {
      const m = /^github\.event_name\s*(==|!=)\s*'([\w-]+)'$/.exec(term);
      if (!m) throw new Error(`workflow helper: cannot evaluate "${term}"`);
      rest &&= m[1] === '==' ? event === m[2] : event !== m[2];
    }
  }
  return (status ?? !failed) && rest;
}

export function runWorkflow(repo: string, o: WorkflowOptions): WorkflowRun {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'mj-runner-'));
  const context = { 'github.event_name': o.event, ...(o.context ?? {}) };
  const steps: StepRun[] = [];
  let failed = false;
  workflowSteps(repo).forEach((step, i) => {
    if (step.run === undefined) return;
    const name = step.name ?? `step ${i + 1}`;
    if (!condition(step.if, failed, o.event)) {
      steps.push({ name, skipped: true, code: 0, stdout: '', stderr: '', summary: '' });
      return;
    }
    const summaryFile = join(runnerTemp, `step_summary_${i}`);
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      ...o.env, RUNNER_TEMP: runnerTemp, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_EVENT_NAME: o.event, GITHUB_ACTIONS: 'true',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v), context)])),
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', fill(step.run, context)], { cwd: repo, env, encoding: 'utf8' });
    const code = r.status ?? -1;
    if (code !== 0) failed = true;
    steps.push({ name, skipped: false, code, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, 'utf8') });
  });
  const ran = steps.filter((s) => !s.skipped);
  return { steps, ran, ok: !failed, summary: ran.map((s) => s.summary).join('') };
}
