/**
 * What the GitHub Action tests share: action.yml read with js-yaml, and its steps' `run` scripts
 * executed with bash the way the runner would (the step's `env` with the `${{ }}` expressions it
 * uses evaluated), with the audit from this repository in place of the installed package.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

export const REPO = path.resolve(__dirname, '../..');

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface Workflow {
  jobs: Record<string, { needs?: string | string[]; if?: string; strategy?: { matrix: Record<string, unknown> }; steps: Step[]; outputs?: Record<string, string> }>;
}

export function readYaml<T>(file: string): T {
  return load(readFileSync(path.join(REPO, file), 'utf8')) as T;
}

/** Every `${{ ... }}` expression in a text. */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((match) => match[1]!);
}

/** Evaluates the few expression forms the action and the example use; anything else fails the test. */
export function evaluate(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!Object.hasOwn(context, expression)) throw new Error(`expression not emulated: ${expression}`);
    return context[expression]!;
  });
}

/** The inputs a `uses:` step passes, with the action's defaults for the rest, as the runner fills them. */
export function inputsOf(action: Action, given: Record<string, string>): Record<string, string> {
  const context: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) context[`inputs.${name}`] = String(given[name] ?? input.default ?? '');
  return context;
}

/** A stand-in for `node_modules/.bin/eslint-plugin-openrouter` that runs this repository's bin. */
export function auditBin(directory: string): string {
  const file = path.join(directory, 'eslint-plugin-openrouter');
  mkdirSync(directory, { recursive: true });
  writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'bin/eslint-plugin-openrouter.js')}" "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs a `run` step with bash in `workspace`, as the runner does (`GITHUB_OUTPUT`, `RUNNER_TEMP`, ...). */
export function runStep(step: Step, context: Record<string, string>, workspace: string, temp: string): StepRun {
  mkdirSync(temp, { recursive: true });
  const outputFile = path.join(temp, `output-${step.id ?? 'step'}`);
  const summaryFile = path.join(temp, `summary-${step.id ?? 'step'}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), context);
  // The runner's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}
