/**
 * `eslint-plugin-openrouter init --referer <url> --title <name> [--categories <a,b>]`: writes the
 * app's identity, the `"openrouter"` field the rules and the audit read, into the nearest package.json.
 * Every value is checked as valid-config checks the field, and refused with its message, before
 * anything is written. With no flags it asks on a terminal; elsewhere it needs the flags.
 * Exit status: 0 written, 1 a value refused, 2 a usage problem.
 */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isLocalhostHost, NAMESPACE, packageFieldProblems, parseHttpUrl, splitCategories } from '../../analysis/index.js';
import { rules } from '../../rules/index.js';
import { nearestPackageJson, PackageJsonError, readPackageJson, writeField } from './package-json.js';

export const INIT_USAGE = `Usage: eslint-plugin-openrouter init --referer <url> --title <name> [--categories <a,b>]

Writes the app's OpenRouter identity, the "openrouter" field that the plugin's rules, their --fix and
the audit read, into the nearest package.json (the current folder's, else the nearest above it up to
the repository root), keeping its formatting. Each value is checked as the rules check it; a value
they would report is refused with their message, and nothing is written. With no options on a
terminal, it asks for each value.

Options:
  --referer <url>         the app's URL, its identity on OpenRouter (https://myapp.example)
  --title <name>          the app's name as users know it
  --categories <a,b>      up to 2 category slugs, comma-separated (cli-agent, programming-app, ...)
  -h, --help              print this help

Exit status: 0 written, 1 a value refused, 2 usage error.
`;

export interface InitIo {
  readonly cwd: string;
  readonly input: Readable;
  readonly output: Writable;
  readonly errors: Writable;
  /** Whether to ask for the values: input and output are a terminal. */
  readonly interactive: boolean;
}

export class InitUsageError extends Error {}

interface Identity {
  referer?: string;
  title?: string;
  categories?: string[];
}

/** The field as it will be written: the identity over what the package's field holds already (its lists and clients kept). */
function fieldWith(existing: unknown, identity: Identity): Record<string, unknown> {
  const base = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  for (const key of ['referer', 'title', 'categories'] as const) if (identity[key] !== undefined) base[key] = identity[key];
  return base;
}

/**
 * What the rules would report of the field, in their words; and a localhost referer, which a title
 * makes trackable but which OpenRouter never shows in its rankings: no app's identity to write down.
 */
function problemsOf(field: Record<string, unknown>, file: string): string[] {
  const problems = [...packageFieldProblems(field, file)];
  const referer = typeof field.referer === 'string' ? field.referer : null;
  const host = referer ? parseHttpUrl(referer)?.hostname : undefined;
  if (host && isLocalhostHost(host)) {
    problems.push(`${file}: ${NAMESPACE}.referer: ${JSON.stringify(referer)} is a localhost URL, which OpenRouter never lists in its rankings or marketplace; use the app's public URL`);
  }
  return problems;
}

/** A problem as valid-config reports it, in its own message. */
function asReported(problem: string): string {
  return rules['valid-config'].meta.messages.invalidConfig.replace('{{problem}}', problem);
}

/** Asks for each value on a terminal, again after a refusal, each answer checked with the ones before it. */
async function ask(io: InitIo, file: string, existing: unknown): Promise<Identity> {
  const prompt = createInterface({ input: io.input, output: io.output, terminal: io.interactive });
  const identity: Identity = {};
  try {
    const questions: [keyof Identity, string, boolean][] = [
      ['referer', "The app's URL (HTTP-Referer), e.g. https://myapp.example: ", true],
      ['title', "The app's name (X-OpenRouter-Title): ", true],
      ['categories', 'Up to 2 category slugs, comma-separated (Enter for none): ', false],
    ];
    for (const [key, question, required] of questions) {
      for (;;) {
        const answer = (await prompt.question(question)).trim();
        if (answer === '') {
          if (!required) break;
          io.errors.write(`The ${key} is required.\n`);
          continue;
        }
        const candidate: Identity = { ...identity, [key]: key === 'categories' ? splitCategories(answer) : answer };
        const problem = problemsOf(fieldWith(existing, candidate), file).find((text) => text.includes(`${NAMESPACE}.${key}:`));
        if (problem === undefined) {
          Object.assign(identity, candidate);
          break;
        }
        io.errors.write(`${asReported(problem)}\n`);
      }
    }
  } finally {
    prompt.close();
  }
  return identity;
}

export async function initMain(argv: readonly string[], io: InitIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { referer: { type: 'string' }, title: { type: 'string' }, categories: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new InitUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    io.output.write(INIT_USAGE);
    return 0;
  }
  const given = values.referer !== undefined || values.title !== undefined || values.categories !== undefined;
  if (!given && !io.interactive) throw new InitUsageError('init: give --referer and --title (not a terminal, so nothing can be asked)');
  if (given && values.referer === undefined) throw new InitUsageError('init: --referer is required: the URL is the app\'s identity');
  const file = nearestPackageJson(io.cwd);
  if (file === null) throw new InitUsageError(`init: no package.json in ${io.cwd} or above it (up to the repository root); create one with "npm init" first`);
  let pkg;
  try {
    pkg = readPackageJson(file);
  } catch (error) {
    if (error instanceof PackageJsonError) throw new InitUsageError(`init: ${error.message}`);
    throw error;
  }
  const identity: Identity = given
    ? {
        referer: values.referer,
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.categories !== undefined ? { categories: splitCategories(values.categories) } : {}),
      }
    : await ask(io, file, pkg.fields[NAMESPACE]);
  const field = fieldWith(pkg.fields[NAMESPACE], identity);
  const problems = problemsOf(field, file);
  if (problems.length > 0) {
    for (const problem of problems) io.errors.write(`${asReported(problem)}\n`);
    io.errors.write(`Nothing was written to ${file}.\n`);
    return 1;
  }
  writeField(pkg, NAMESPACE, field);
  io.output.write(`Wrote the "${NAMESPACE}" field of ${file}: ${JSON.stringify(field)}\n`);
  return 0;
}

/** Runs `init`: a usage problem is one line on stderr and exit status 2, with the usage. */
export function run(argv: readonly string[]): void {
  const io: InitIo = {
    cwd: process.cwd(),
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
  initMain(argv, io).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      const message = error instanceof InitUsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`eslint-plugin-openrouter: ${message}\n\n${INIT_USAGE}`);
      process.exitCode = 2;
    },
  );
}
