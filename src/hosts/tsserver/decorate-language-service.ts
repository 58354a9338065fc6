/**
 * The language service tsserver gets from the plugin: a fresh object over the project's own, with
 * OpenRouter diagnostics and fixes added. Every added hook is guarded: tsserver's own result is
 * computed first, and whatever goes wrong in ours is logged and that result returned unchanged.
 */
import type * as ts from 'typescript';
import { codeFixesAt, combinedFix, FIX_ALL_ID } from './code-fixes.js';
import { ALL_DIAGNOSTIC_CODES, ruleOfCode } from './diagnostic-codes.js';
import { toDiagnostics } from './diagnostics.js';
import { noticeDiagnostics, SetupNotices } from './setup-notices.js';
import { LintSuperseded, mayHoldOpenRouterSite, projectClientTable } from '../../analysis/index.js';
import type { LintedFile, ProjectLinter } from './project-linter.js';
import type { TypeScript } from './typescript-module.js';

export interface PluginContext {
  readonly typescript: TypeScript;
  readonly info: ts.server.PluginCreateInfo;
  /** The linter, or null when a package it needs is missing (said once in the log). */
  readonly linter: () => ProjectLinter | null;
  /** Logs a problem only the first time its key (by default the message) is seen in the project. */
  readonly logOnce: (message: string, key?: string) => void;
  /** `settings.openrouter` of the plugin options, for the project's own clients. */
  readonly settings: () => unknown;
  /** What keeps the plugin from working as configured (a missing package, dropped options), shown in the editor. */
  readonly setupProblems: () => readonly string[];
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function decorateLanguageService(context: PluginContext): ts.LanguageService {
  const { typescript, info, logOnce } = context;
  const service = info.languageService;
  const proxy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(service) as (keyof ts.LanguageService)[]) {
    const member = service[key];
    proxy[key] = typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(service) : member;
  }

  const guarded = <Result>(hook: string, own: Result, extend: () => Result): Result => {
    try {
      return extend();
    } catch (error) {
      // A lint a newer version superseded: the request is cancelled, as tsserver's own work is.
      if (error instanceof LintSuperseded) throw new typescript.OperationCanceledException();
      // Once per hook and error: a failure met on every keystroke would otherwise fill the log.
      logOnce(`${hook} failed; returning TypeScript's own result. ${describeError(error)}`, `${hook} failed: ${error instanceof Error ? error.message : String(error)}`);
      return own;
    }
  };

  /** The file's lint result for its current version, or null when the plugin cannot lint it. */
  const lintFile = (fileName: string, diagnostics?: readonly ts.Diagnostic[]): { linted: LintedFile; sourceFile: ts.SourceFile; linter: ProjectLinter } | null => {
    const program = service.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    // Tested before ESLint is even loaded, so that a project without OpenRouter calls never loads it.
    // With a Program, values from other files can make any client call a site: the wider test.
    if (!sourceFile) return null;
    const typed = program !== undefined;
    if (!mayHoldOpenRouterSite(sourceFile.text, typed) && !mayHoldOpenRouterSite(sourceFile.text, typed, projectClientTable(context.settings(), fileName))) return null;
    const linter = context.linter();
    if (!linter) return null;
    const host = info.languageServiceHost;
    const version = host.getScriptVersion(fileName);
    // tsserver's token is throttled already; a version that moved on also ends the lint (a host that edits while it runs).
    const isSuperseded = (): boolean => host.getScriptVersion(fileName) !== version || host.getCancellationToken?.().isCancellationRequested() === true;
    const linted = linter.lint({ fileName, version, sourceFile, program, diagnostics, isSuperseded });
    // Once per file: while typing, version after version fails to parse, each at another position.
    if (linted.failure) logOnce(`${fileName} (version ${version}) could not be parsed for OpenRouter checks: ${linted.failure}`, `parse failure: ${fileName}`);
    return { linted, sourceFile, linter };
  };

  const notices = new SetupNotices((fileName) => info.project?.projectService?.getScriptInfo?.(fileName)?.isScriptOpen() ?? true);

  const overrides: Partial<ts.LanguageService> = {
    getSemanticDiagnostics(fileName) {
      const own = service.getSemanticDiagnostics(fileName);
      return guarded('getSemanticDiagnostics', own, () => {
        const file = lintFile(fileName, own);
        const findings = file && file.linted.messages.length > 0 ? toDiagnostics(typescript, file.sourceFile, file.linted) : [];
        // After the lint, which is what finds a package missing.
        const problems = context.setupProblems();
        const shown = notices.claim(fileName, problems);
        const sourceFile = shown.length > 0 ? (file?.sourceFile ?? service.getProgram()?.getSourceFile(fileName)) : undefined;
        const setup = sourceFile ? noticeDiagnostics(typescript, sourceFile, shown) : [];
        return findings.length + setup.length > 0 ? [...own, ...setup, ...findings] : own;
      });
    },

    getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences) {
      const own = service.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
      return guarded('getCodeFixesAtPosition', own, () => {
        if (!errorCodes.some((code) => ruleOfCode(code))) return own;
        const file = lintFile(fileName);
        return file ? [...own, ...codeFixesAt(fileName, file.linted, start, end, errorCodes)] : own;
      });
    },

    getCombinedCodeFix(scope, fixId, formatOptions, preferences) {
      // TypeScript throws on a fixId it does not know, so ours never reaches it.
      if (fixId !== FIX_ALL_ID) return service.getCombinedCodeFix(scope, fixId, formatOptions, preferences);
      const none: ts.CombinedCodeActions = { changes: [] };
      return guarded('getCombinedCodeFix', none, () => {
        const file = lintFile(scope.fileName);
        return file ? combinedFix(scope.fileName, file.linted, file.linter.fixAll(scope.fileName, file.linted)) : none;
      });
    },
  };
  if (service.getSupportedCodeFixes) {
    overrides.getSupportedCodeFixes = (fileName?: string) => {
      const own = service.getSupportedCodeFixes(fileName);
      return guarded('getSupportedCodeFixes', own, () => [...own, ...ALL_DIAGNOSTIC_CODES.map(String)]);
    };
  }
  return Object.assign(proxy, overrides) as unknown as ts.LanguageService;
}
