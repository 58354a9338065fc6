/**
 * Runs the plugin's rules on one file with ESLint's `Linter`, in-process, with a config built here
 * (never the user's), handing the parser the Program tsserver already holds. Results are cached per
 * file by script version, options and project identity, so one version is linted once whichever
 * hook asks, and an edit to package.json is seen without a restart; an edit that leaves the file's
 * statement slice as it was reuses the last lint (slice-reuse.ts).
 */
import path from 'node:path';
import type { Linter as LinterClass } from 'eslint';
import type * as ts from 'typescript';
import plugin from '../../index.js';
import { LintSuperseded, WRAPPED_PARSER, mayHoldOpenRouterSite, projectClientTable, loadProjectAttribution, whileCurrent, type LoadedProjectConfig } from '../../analysis/index.js';
import type { LintPackages } from './lint-packages.js';
import { ruleSeverities, type PluginOptions } from './plugin-options.js';
import { movedMessages, sameSlice, sliceShape, type SliceShape } from './slice-reuse.js';
import { parseSlice } from './sliced-parse.js';
import { sliceStatements, type StatementSlice } from './statement-slice.js';
import type { TypeScript } from './typescript-module.js';

type LintMessage = LinterClass.LintMessage;

export interface LintedFile {
  /** The text ESLint saw: the file's text without a leading BOM. */
  readonly text: string;
  /** Where that text starts in the file: 1 after a BOM, else 0. */
  readonly offset: number;
  /** The messages of this plugin's rules (no others run). */
  readonly messages: readonly LintMessage[];
  /** Why the file could not be linted (a parse failure), or null. */
  readonly failure: string | null;
}

export interface LintRequest {
  readonly fileName: string;
  readonly version: string;
  readonly sourceFile: ts.SourceFile;
  readonly program: ts.Program | undefined;
  /**
   * TypeScript's own semantic diagnostics of this version, when the caller has them: with them a
   * file without grammar errors is linted in a slice (statement-slice.ts).
   */
  readonly diagnostics?: readonly ts.Diagnostic[];
  /**
   * Whether a newer version of the file has come (or the request was cancelled): the lint then
   * stops between rules and sites with `LintSuperseded`, and nothing of it is kept.
   */
  readonly isSuperseded?: () => boolean;
}

const NOTHING: LintedFile = { text: '', offset: 0, messages: [], failure: null };
const MAX_CACHED_FILES = 5_000;
/** Files whose last sliced lint is kept for reuse: the files being edited. */
const MAX_SLICED_FILES = 32;
const BOM = '\uFEFF';


const identityKeys = new WeakMap<LoadedProjectConfig, string>();

/**
 * All the rules read of the project config, as a key: a package.json edit changes it. Written once
 * per loaded config (the same object while neither the options nor the package.json lookup change),
 * not on every request: its lists may be long.
 */
function identityKey(loaded: LoadedProjectConfig): string {
  let key = identityKeys.get(loaded);
  if (key === undefined) identityKeys.set(loaded, (key = JSON.stringify(loaded, (_key, value: unknown) => (value instanceof Set ? [...(value as Set<unknown>)] : value))));
  return key;
}

const programIds = new WeakMap<ts.Program, number>();
let nextProgramId = 1;

function programId(program: ts.Program): number {
  let id = programIds.get(program);
  if (id === undefined) programIds.set(program, (id = nextProgramId++));
  return id;
}

/** ESLint's one-pass fix application (SourceCodeFixer): sorted by range, overlapping fixes left for the next pass. */
export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; fixed: boolean } {
  const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let last = -Infinity;
  for (const { range: [start, end], text: replacement } of fixes) {
    if (last >= start || start > end) continue;
    output += text.slice(Math.max(0, last), Math.max(0, start)) + replacement;
    last = end;
  }
  return last === -Infinity ? { output: text, fixed: false } : { output: output + text.slice(Math.max(0, last)), fixed: true };
}

/** The file-system root of a file: flat config matches files below its base path only. */
function rootOf(fileName: string): string {
  return path.parse(fileName).root || '/';
}

/** A file's last sliced lint, for a later version that leaves the slice as it was. */
interface SlicedLint {
  /** The options and identity it was linted under: a lint under others is never reused. */
  readonly settingsKey: string;
  readonly linted: LintedFile;
  readonly shape: SliceShape;
}

export class ProjectLinter {
  private readonly cache = new Map<string, { key: string; linted: LintedFile }>();
  /** The sliced lints of the files linted last (a shape holds about the file's text again). */
  private readonly sliced = new Map<string, SlicedLint>();
  /** The configs of the current options generation, ready-made for each file-system root. */
  private configs: { generation: number; byRoot: Map<string, LinterClass.Config[]> } | null = null;
  /** The Program handed to the parser for the verify in progress, the text it holds for the file, and the slice to parse. */
  private handOver: { program: ts.Program; sourceFile: ts.SourceFile; text: string; slice: StatementSlice | null } | undefined;
  private readonly parser: LinterClass.Parser;

  constructor(
    private readonly packages: LintPackages,
    private readonly options: () => { readonly options: PluginOptions; readonly generation: number },
    /** tsserver's module, for slicing; without it files are linted whole. */
    private readonly typescript: TypeScript | null = null,
  ) {
    const base = packages.parser;
    this.parser = {
      meta: { name: 'eslint-plugin-openrouter/ts-plugin', version: base.meta?.version },
      // Fixes are checked by typescript-eslint's parser itself, without scope analysis (fix-verification.ts).
      [WRAPPED_PARSER]: base,
      // With `programs` typescript-estree converts tsserver's SourceFile instead of parsing the text
      // again, and gives rules `parserServices` with that Program's type checker. Only for the file's
      // own text: any other text (a fix checked by parsing it) is parsed as it is.
      parseForESLint: (code: string, parserOptions?: Record<string, unknown>) => {
        const handOver = this.handOver?.text === code ? this.handOver : undefined;
        if (!handOver) return base.parseForESLint(code, parserOptions);
        const { program, sourceFile, slice } = handOver;
        return (slice && parseSlice(base, slice, sourceFile, program, parserOptions)) ?? base.parseForESLint(code, { ...parserOptions, programs: [program] });
      },
    } as LinterClass.Parser;
  }

  /** The file's messages for this version; files that cannot hold an OpenRouter site cost one regex test. */
  lint(request: LintRequest): LintedFile {
    const { fileName, version, sourceFile, program } = request;
    const { options, generation } = this.options();
    const cached = this.cache.get(fileName);
    // With the Program handed over, values imported from other files resolve through its checker:
    // any change in the project (a new Program) may change this file's findings.
    const programKey = program && this.packages.sharesTypeScript ? programId(program) : 0;
    const versionKey = `${version}\0${generation}\0${programKey}`;
    if (cached && cached.key === versionKey) return cached.linted;
    let key = versionKey;
    let linted = NOTHING;
    const typed = programKey !== 0;
    // The project's own clients (settings, package.json) are read only for a file the built-in test drops.
    if (mayHoldOpenRouterSite(sourceFile.text, typed) || mayHoldOpenRouterSite(sourceFile.text, typed, projectClientTable(options.settings.openrouter, fileName))) {
      const identity = identityKey(loadProjectAttribution(options.settings.openrouter, fileName, options.settingsSource));
      key = `${versionKey}\0${identity}`;
      if (cached && cached.key === key) return cached.linted;
      const settingsKey = `${generation}\0${identity}`;
      const previous = this.sliced.get(fileName);
      const result = this.verify(request, previous?.settingsKey === settingsKey ? previous : undefined);
      linted = result.linted;
      this.sliced.delete(fileName);
      if (result.shape) this.sliced.set(fileName, { settingsKey, linted, shape: result.shape });
      if (this.sliced.size > MAX_SLICED_FILES) this.sliced.delete(this.sliced.keys().next().value!);
    }
    this.cache.delete(fileName);
    this.cache.set(fileName, { key, linted });
    if (this.cache.size > MAX_CACHED_FILES) this.cache.delete(this.cache.keys().next().value!);
    return linted;
  }

  /** The text after ESLint's `--fix`: the cached messages' fixes, then further passes on the new text. */
  fixAll(fileName: string, linted: LintedFile): string {
    const first = applyFixes(linted.text, linted.messages);
    if (!first.fixed) return linted.text;
    return this.linterFor(fileName).verifyAndFix(first.output, this.currentConfigs(fileName), { filename: fileName }).output;
  }

  /**
   * The file's lint, and the shape of its slice when it was sliced. `previous` (the file's last lint,
   * under the same options and identity) is reused when the edit left the slice as it was.
   */
  private verify({ fileName, sourceFile, program, diagnostics, isSuperseded }: LintRequest, previous?: SlicedLint): { linted: LintedFile; shape: SliceShape | null } {
    const hasBom = sourceFile.text.startsWith(BOM);
    const text = hasBom ? sourceFile.text.slice(1) : sourceFile.text;
    // The Program's SourceFile carries the BOM that ESLint strips, so positions would be off by one:
    // such files are parsed from the text instead.
    const handOver = this.packages.sharesTypeScript && !hasBom && program?.getSourceFile(fileName) === sourceFile;
    const slice =
      handOver && diagnostics && this.typescript
        ? sliceStatements(
            this.typescript,
            sourceFile,
            [...program!.getSyntacticDiagnostics(sourceFile), ...diagnostics],
            program!.getCompilerOptions(),
            projectClientTable(this.options().options.settings.openrouter, fileName),
          )
        : null;
    const shape = slice ? sliceShape(slice, sourceFile, program!) : null;
    if (shape && previous && !previous.linted.failure && sameSlice(previous.shape, shape, program!, fileName)) {
      const messages = movedMessages(previous.linted.messages, previous.linted.text, previous.shape, shape);
      if (messages) return { linted: { text, offset: 0, messages, failure: null }, shape };
    }
    if (isSuperseded?.()) throw new LintSuperseded();
    this.handOver = handOver ? { program: program!, sourceFile, text, slice } : undefined;
    let messages: LintMessage[];
    try {
      const verify = () => this.linterFor(fileName).verify(text, this.currentConfigs(fileName), { filename: fileName });
      messages = isSuperseded ? whileCurrent(isSuperseded, verify) : verify();
    } finally {
      this.handOver = undefined;
    }
    const fatal = messages.find((message) => message.fatal);
    const linted = {
      text,
      offset: hasBom ? 1 : 0,
      messages: messages.filter((message) => message.ruleId?.startsWith('openrouter/')),
      failure: fatal ? `${fatal.message} (${fatal.line}:${fatal.column})` : null,
    };
    return { linted, shape };
  }

  private currentConfigs(fileName: string): LinterClass.Config[] {
    const { options, generation } = this.options();
    if (this.configs?.generation !== generation) this.configs = { generation, byRoot: new Map() };
    const root = rootOf(fileName);
    let configs = this.configs.byRoot.get(root);
    if (!configs) {
      configs = this.packages.configArray(
        [
          {
            // Not '**/*': flat config applies such a pattern but never counts a file as matched by it.
            files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
            // No lib globals: they only tell scope analysis that a name such as `fetch` is declared
            // by the environment, which the rules treat as they treat an undeclared global
            // (ast.ts globalReferences), and the project's libs would define thousands of variables
            // on every keystroke.
            languageOptions: { parser: this.parser, parserOptions: { lib: [] } },
            // Only this plugin's rules run: disable comments for other rules are not "unused".
            linterOptions: { reportUnusedDisableDirectives: 'off' },
            plugins: { openrouter: plugin },
            rules: ruleSeverities(options, plugin.configs),
            settings: options.settings,
          },
        ],
        root,
      );
      this.configs.byRoot.set(root, configs);
    }
    return configs;
  }

  /**
   * A Linter for the file's file-system root (flat config matches files below its `cwd` only). A new
   * one each time: a Linter keeps its last SourceCode, which would keep the AST, and through its
   * parser services a superseded Program, alive until the next lint.
   */
  private linterFor(fileName: string): LinterClass {
    return new this.packages.Linter({ cwd: rootOf(fileName) });
  }
}
