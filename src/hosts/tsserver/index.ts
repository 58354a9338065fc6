/**
 * The tsserver plugin (`"plugins": [{ "name": "eslint-plugin-openrouter/ts-plugin" }]` in tsconfig):
 * the plugin's ESLint rules as TypeScript diagnostics and quick fixes, for editors that run
 * TypeScript 5.x or 6.0. tsserver calls this factory once per project with its own `typescript`.
 */
import type * as ts from 'typescript';
import { rules } from '../../rules/index.js';
import { decorateLanguageService } from './decorate-language-service.js';
import { ALL_DIAGNOSTIC_CODES, type RuleName } from './diagnostic-codes.js';
import { loadLintPackages } from './lint-packages.js';
import { pluginEntryLocation, readPluginOptions, type PluginOptions } from './plugin-options.js';
import { ProjectLinter } from './project-linter.js';
import { ProjectLog } from './project-log.js';
import { registerSessionCodeFixes } from './session-code-fixes.js';
import type { TypeScript } from './typescript-module.js';

/** `OPENROUTER_TS_PLUGIN=off` (or `0`, `false`) in tsserver's environment turns the plugin off. */
const DISABLE_VARIABLE = 'OPENROUTER_TS_PLUGIN';
const LOG_PREFIX = '[eslint-plugin-openrouter/ts-plugin]';
const RULE_NAMES = Object.keys(rules) as RuleName[];
const SUPPORTED_CODES = ALL_DIAGNOSTIC_CODES.map(String);

interface CurrentOptions {
  readonly options: PluginOptions;
  readonly generation: number;
  /** What was dropped from them, shown in the editor. */
  readonly problems: readonly string[];
}

function isDisabled(): boolean {
  return /^(off|0|false|no)$/i.test(process.env[DISABLE_VARIABLE]?.trim() ?? '');
}

function createPluginModule({ typescript }: { typescript: TypeScript }): ts.server.PluginModule {
  // Options the editor sends replace the tsconfig entry, as tsserver does for projects opened later.
  let editorOptions: unknown;
  let generation = 0;

  return {
    create(info) {
      const logger = info.project?.projectService?.logger;
      const projectLog = new ProjectLog((line) => logger?.info(`${LOG_PREFIX} ${line}`));
      const log = (message: string): void => projectLog.log(message);
      const logOnce = (message: string, key?: string): void => projectLog.once(message, key);
      if (isDisabled()) {
        log(`off: ${DISABLE_VARIABLE}=${process.env[DISABLE_VARIABLE]}`);
        return info.languageService;
      }
      try {
        let options: CurrentOptions | null = null;
        const currentOptions = (): CurrentOptions => {
          if (options?.generation === generation) return options;
          const problems: string[] = [];
          const where = pluginEntryLocation(info, editorOptions !== undefined);
          const read = readPluginOptions([editorOptions ?? info.config], RULE_NAMES, problems, where);
          for (const problem of problems) logOnce(`plugin options: ${problem}`);
          return (options = { options: read, generation, problems });
        };
        let linter: ProjectLinter | null | undefined;
        let missing: string | null = null;
        const context = {
          typescript,
          info,
          logOnce,
          settings: (): unknown => currentOptions().options.settings.openrouter,
          setupProblems: (): readonly string[] => (missing ? [missing, ...currentOptions().problems] : currentOptions().problems),
          // Loaded on the first file that needs it, so that a project that never opens one pays nothing.
          linter: (): ProjectLinter | null => {
            if (linter !== undefined) return linter;
            const loaded = loadLintPackages(typescript, info.project.getCurrentDirectory());
            if ('missing' in loaded) {
              missing = `OpenRouter checks are off for this project: ${loaded.missing}`;
              logOnce(missing);
              return (linter = null);
            }
            if (!loaded.packages.sharesTypeScript) {
              logOnce(`another TypeScript version than tsserver's ${typescript.version} is loaded for the parser; files are parsed again and type information is not used`);
            }
            return (linter = new ProjectLinter(loaded.packages, currentOptions, typescript));
          },
        };
        const service = decorateLanguageService(context);
        if (info.session && !registerSessionCodeFixes(info.session, info.project, SUPPORTED_CODES)) {
          log('could not add its codes to the session\'s getSupportedCodeFixes: editors that ask it without a file will not offer its quick fixes');
        }
        log(`on for ${info.project.getProjectName()} (TypeScript ${typescript.version})`);
        return service;
      } catch (error) {
        log(`could not start; TypeScript runs without it. ${error instanceof Error ? error.stack : String(error)}`);
        return info.languageService;
      }
    },
    onConfigurationChanged(config: unknown) {
      editorOptions = config;
      generation++;
    },
  };
}

export = createPluginModule;
