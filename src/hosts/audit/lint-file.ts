/**
 * Lints one file's text with ESLint's `Linter` and a config built here: the plugin's rules at the
 * severities of `recommended` or `strict`, espree for JavaScript, @typescript-eslint/parser without
 * type information for TypeScript, and each framework's own parser for the scripts of a component
 * (component-scripts.ts). Nothing of the audited repository's setup is read.
 */
import path from 'node:path';
import type { Linter as LinterClass } from 'eslint';
import { NO_SETTINGS_SOURCE, SETTINGS_SOURCE_KEY, type SiteIdentity } from '../../analysis/index.js';
import plugin from '../../index.js';
import type { AuditFinding } from './report.js';
import { astroClientScripts, componentKindOf, COMPONENT_EXTENSIONS, scriptsOnly, type ComponentKind } from './component-scripts.js';
import { loadComponentParser, loadLinter, loadTypeScriptParser, typeScriptParserProblem } from './lint-packages.js';
import { reportedIdentity, SITE_PLUGIN_NAME, SITE_RULE_ID, sitePlugin } from './site-count-rule.js';

export type AuditConfigName = 'recommended' | 'strict';

/** A finding before it is placed in its repository (the file is added there). */
export type FileFinding = Omit<AuditFinding, 'file'>;

/** An OpenRouter site of a file, where the analysis found it, with what it sends. */
export interface FileSite extends SiteIdentity {
  readonly line: number;
  readonly column: number;
}

/** Which findings `--fix` repairs: all, or (with `--quiet`, as ESLint does) errors only. */
export type FixScope = false | 'all' | 'errors';

export interface LintedText {
  readonly findings: readonly FileFinding[];
  readonly sites: readonly FileSite[];
  /** Where the file failed to parse (its message is not kept: it may quote the source), or null. */
  readonly parseError: { readonly line: number; readonly column: number } | null;
  /** The text after `--fix` (the input when nothing was fixed or fixing was not asked for). */
  readonly output: string;
}

export const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'] as const;
export const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;
/** Python's modules (not its `.pyi` stubs, which make no requests). */
export const PYTHON_EXTENSIONS = ['.py'] as const;
const EXTENSIONS: ReadonlySet<string> = new Set([...JS_EXTENSIONS, ...TS_EXTENSIONS, ...Object.keys(COMPONENT_EXTENSIONS), ...PYTHON_EXTENSIONS]);
/** The extensions audited, as the command line's messages list them. */
export const AUDITED_EXTENSIONS_TEXT = [...EXTENSIONS].join(' ');

export function isAuditedFile(file: string): boolean {
  return EXTENSIONS.has(path.extname(file).toLowerCase());
}

export function isPythonFile(file: string): boolean {
  return (PYTHON_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

export function isTypeScriptFile(file: string): boolean {
  return (TS_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

type Language = 'ts' | 'tsx' | 'module' | 'commonjs' | 'python' | ComponentKind;

/** The languages a file is tried in, in order: a `.js` file is a module, else a script. */
function languagesOf(file: string): readonly Language[] {
  switch (path.extname(file).toLowerCase()) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ['ts'];
    case '.tsx':
      return ['tsx'];
    case '.cjs':
      return ['commonjs'];
    case '.js':
      return ['module', 'commonjs'];
    case '.py':
      return ['python'];
    default: {
      const component = componentKindOf(file);
      return [component ?? 'module'];
    }
  }
}

/** ESLint's fix passes, as `verifyAndFix` makes them. */
const MAX_FIX_PASSES = 10;

function languageOptions(language: Exclude<Language, ComponentKind | 'python'>): LinterClass.LanguageOptions {
  const jsx = language !== 'ts';
  if (language === 'ts' || language === 'tsx') {
    return { parser: loadTypeScriptParser() as LinterClass.Parser, parserOptions: { sourceType: 'module', ecmaFeatures: { jsx } } };
  }
  return { sourceType: language, ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } };
}

export class FileLinter {
  private readonly Linter = loadLinter();
  private linter: { root: string; linter: LinterClass } | null = null;
  private readonly configs = new Map<Language, LinterClass.Config[]>();
  private readonly rules: LinterClass.RulesRecord;
  private readonly componentParsers = new Map<ComponentKind, LinterClass.Parser>();

  constructor(config: AuditConfigName) {
    this.rules = { ...(plugin.configs[config].rules as LinterClass.RulesRecord), [SITE_RULE_ID]: 'warn' };
  }

  /** Loads what `lint` needs for `file` that only loads asynchronously: a component framework's parser. */
  async prepare(file: string): Promise<void> {
    const kind = componentKindOf(file);
    if (kind !== null && !this.componentParsers.has(kind)) this.componentParsers.set(kind, await loadComponentParser(kind));
  }

  /** `file` is absolute and below `root`, the repository: ESLint's cwd, which keeps config problems apart per repository. */
  lint(text: string, file: string, root: string, fix: FixScope): LintedText {
    const linter = this.linterFor(root);
    const component = componentKindOf(file);
    if (component !== null) return this.lintComponent(linter, component, text, file, fix);
    let best: { messages: LinterClass.LintMessage[]; output: string } | null = null;
    // Flat config's `files` globs match case-sensitively: `B.TS` is linted as the `.ts` file it is.
    const extension = path.extname(file);
    const filename = file.slice(0, file.length - extension.length) + extension.toLowerCase();
    for (const language of languagesOf(file)) {
      const configs = this.configsFor(language);
      const linted = fix ? linter.verifyAndFix(text, configs, { filename, fix: fixPredicate(fix) }) : { messages: linter.verify(text, configs, { filename }), output: text };
      const fatal = fatalOf(linted.messages);
      if (fatal === null) {
        best = linted;
        break;
      }
      // Failing in every language, a file is placed where the reading that went furthest failed: an
      // ES module's own error, not its first `import` read as a script.
      const bestFatal = best && fatalOf(best.messages);
      if (!bestFatal || fatal.line > bestFatal.line || (fatal.line === bestFatal.line && fatal.column > bestFatal.column)) best = linted;
    }
    return { ...summariseMessages(best?.messages ?? []), output: best?.output ?? text };
  }

  private languageOptions(language: Exclude<Language, 'python'>): LinterClass.LanguageOptions {
    if (language !== 'vue' && language !== 'svelte' && language !== 'astro') return languageOptions(language);
    const parser = this.componentParsers.get(language);
    if (!parser) throw new Error(`the ${language} parser is not loaded`);
    // typescript-eslint's parser reads the scripts when it is installed (\`lang="ts"\` needs it, and it reads JavaScript too); else espree.
    const scriptParser = typeScriptParserProblem() === null ? (loadTypeScriptParser() as LinterClass.Parser) : undefined;
    return { parser, sourceType: 'module', ecmaVersion: 'latest', parserOptions: { ...(scriptParser ? { parser: scriptParser } : {}), sourceType: 'module', ecmaVersion: 'latest' } };
  }

  /**
   * The Linter of the repository being linted (files come repository by repository). Only one is
   * kept: a Linter holds on to the last file's SourceCode, and so its AST.
   */
  private linterFor(root: string): LinterClass {
    if (this.linter?.root !== root) this.linter = { root, linter: new this.Linter({ cwd: root }) };
    return this.linter.linter;
  }

  /**
   * A component is linted as its scripts alone (the rest blanked: the same positions), and its fixes
   * are applied to the file's own text, in passes as ESLint's `verifyAndFix` applies them: a fix of
   * the script lands in the file, whose markup is left as it was.
   */
  private lintComponent(linter: LinterClass, kind: ComponentKind, text: string, file: string, fix: FixScope): LintedText {
    const configs = this.configsFor(kind);
    // ESLint drops a leading BOM before placing anything: so does this, and puts it back.
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    let current = text.slice(bom.length);
    const verify = (source: string): LinterClass.LintMessage[] => {
      const messages = linter.verify(scriptsOnly(kind, source), configs, { filename: file });
      // An Astro page's client scripts, which its parser leaves unparsed, are TypeScript of their own.
      const client = kind === 'astro' ? astroClientScripts(source) : null;
      if (client === null) return messages;
      const clientMessages = linter.verify(client, this.configsFor('ts'), { filename: `${file}.ts` });
      return [...messages, ...clientMessages].sort((a, b) => a.line - b.line || a.column - b.column);
    };
    let messages = verify(current);
    for (let pass = 0; fix && pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixes(current, messages, fix);
      if (fixed === null) break;
      current = fixed;
      messages = verify(current);
    }
    return { ...summariseMessages(messages), output: bom + current };
  }

  private configsFor(language: Language): LinterClass.Config[] {
    let configs = this.configs.get(language);
    if (!configs) {
      configs = [
        // The audit chooses the files: ESLint's default ignores would silently pass over one named on the command line.
        { ignores: ['!**/node_modules/', '!.git/'] },
        {
          // Not '**/*': flat config applies such a pattern but never counts a file as matched by it.
          files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte,astro,py}'],
          ...(language === 'python' ? { language: 'openrouter/python' } : { languageOptions: this.languageOptions(language) }),
          // Only this plugin's rules run: disable comments for other rules are not "unused".
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          // No ESLint settings are read here: messages that say where to set the identity name package.json alone.
          settings: { [SETTINGS_SOURCE_KEY]: NO_SETTINGS_SOURCE },
          plugins: { openrouter: plugin, [SITE_PLUGIN_NAME]: sitePlugin },
          rules: this.rules,
        },
      ];
      this.configs.set(language, configs);
    }
    return configs;
  }
}

/**
 * `text` with the fixes of `messages` applied, as ESLint's fixer applies them (sorted, a fix that
 * overlaps or touches the one before it left for the next pass); null when none applies.
 */
function applyFixes(text: string, messages: readonly LinterClass.LintMessage[], scope: 'all' | 'errors'): string | null {
  const fixes = messages
    .filter((message) => message.fix !== undefined && (scope === 'all' || message.severity === 2))
    .map((message) => message.fix!)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = -1;
  for (const { range, text: replacement } of fixes) {
    if (range[0] <= position || range[0] > range[1] || range[1] > text.length) continue;
    output += text.slice(Math.max(0, position), range[0]) + replacement;
    position = range[1];
  }
  return position < 0 ? null : output + text.slice(position);
}

/** ESLint's Linter takes a predicate on each message as `fix` (its CLI's `--fix --quiet`), though its types say boolean. */
function fixPredicate(scope: 'all' | 'errors'): boolean {
  if (scope === 'all') return true;
  return ((message: LinterClass.LintMessage) => message.severity === 2) as unknown as boolean;
}

function fatalOf(messages: readonly LinterClass.LintMessage[]): LinterClass.LintMessage | null {
  return messages.find((message) => message.fatal) ?? null;
}

function summariseMessages(messages: readonly LinterClass.LintMessage[]): Omit<LintedText, 'output'> {
  const findings: FileFinding[] = [];
  const sites: FileSite[] = [];
  let parseError: LintedText['parseError'] = null;
  for (const message of messages) {
    if (message.fatal) parseError ??= { line: message.line, column: message.column };
    else if (message.ruleId === SITE_RULE_ID) sites.push({ ...reportedIdentity(message.message), line: message.line, column: message.column });
    else if (message.ruleId?.startsWith('openrouter/')) {
      findings.push({
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        ...(message.endLine !== undefined ? { endLine: message.endLine, endColumn: message.endColumn } : {}),
        severity: message.severity === 2 ? 'error' : 'warning',
        message: message.message,
        fixable: message.fix !== undefined,
      });
    }
  }
  return { findings, sites, parseError };
}
