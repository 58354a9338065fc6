/**
 * A TypeScript LanguageService over files held in memory (the lib files come from disk), with the
 * tsserver plugin applied the way tsserver applies it: the factory gets a `typescript` module, and
 * `create` gets the project's service, its host, a project with a logger, and the plugin entry.
 */
import ts from 'typescript';
import createPluginModule from '../../src/hosts/tsserver/index.js';

export type TypeScript = typeof ts;

export interface TestService {
  readonly service: ts.LanguageService;
  readonly plugin: ts.server.PluginModule;
  /** What `create` was given. */
  readonly info: ts.server.PluginCreateInfo;
  /** Lines the plugin wrote to the tsserver log. */
  readonly logs: string[];
  setFile(fileName: string, text: string): void;
  text(fileName: string): string;
  /** Applies text changes to the files in memory, as an editor applies a code action. */
  applyChanges(changes: readonly ts.FileTextChanges[]): void;
}

export const PLUGIN_NAME = 'eslint-plugin-openrouter/ts-plugin';

export function applyTextChanges(text: string, changes: readonly ts.TextChange[]): string {
  // From the end, so that earlier offsets stay valid.
  return [...changes]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((result, change) => result.slice(0, change.span.start) + change.newText + result.slice(change.span.start + change.span.length), text);
}

/** One registry per TypeScript module: the lib files are parsed once for all the services of a test file. */
const registries = new WeakMap<TypeScript, ts.DocumentRegistry>();
/** Versions unique across services: the shared registry reuses a SourceFile of the same name and version. */
let nextVersion = 1;

export function createTestService(
  root: string,
  files: Record<string, string>,
  pluginOptions: Record<string, unknown> = {},
  typescript: TypeScript = ts,
): TestService {
  const texts = new Map(Object.entries(files).map(([name, text]) => [`${root}/${name}`, text]));
  const versions = new Map([...texts.keys()].map((fileName) => [fileName, nextVersion++]));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({
      target: typescript.ScriptTarget.ES2022,
      module: typescript.ModuleKind.ESNext,
      moduleResolution: typescript.ModuleResolutionKind.Bundler,
      allowJs: true,
      strict: true,
      noEmit: true,
      jsx: typescript.JsxEmit.Preserve,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    }),
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (fileName) => String(versions.get(fileName) ?? 0),
    getScriptSnapshot: (fileName) => {
      const text = texts.get(fileName) ?? typescript.sys.readFile(fileName);
      return text === undefined ? undefined : typescript.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => typescript.getDefaultLibFilePath(options),
    fileExists: (fileName) => texts.has(fileName) || typescript.sys.fileExists(fileName),
    readFile: (fileName) => texts.get(fileName) ?? typescript.sys.readFile(fileName),
    readDirectory: typescript.sys.readDirectory,
    // Module resolution probes a directory before its files: the in-memory ones exist too.
    directoryExists: (directory) => [...texts.keys()].some((fileName) => fileName.startsWith(`${directory}/`)) || typescript.sys.directoryExists(directory),
    getDirectories: typescript.sys.getDirectories,
  };
  let registry = registries.get(typescript);
  if (!registry) registries.set(typescript, (registry = typescript.createDocumentRegistry()));
  const languageService = typescript.createLanguageService(host, registry);
  const logs: string[] = [];
  const config = { name: PLUGIN_NAME, ...pluginOptions };
  const project = {
    projectService: { logger: { info: (message: string) => logs.push(message) } },
    getCurrentDirectory: () => root,
    getProjectName: () => `${root}/tsconfig.json`,
    // The entry as tsserver reads it from tsconfig.json, which problems with the options name.
    getCompilerOptions: () => ({ ...host.getCompilationSettings(), plugins: [config] }),
  };
  const plugin = createPluginModule({ typescript });
  const info = {
    languageService,
    languageServiceHost: host,
    project,
    config,
    serverHost: typescript.sys,
  } as unknown as ts.server.PluginCreateInfo;
  const service = plugin.create(info);
  const setFile = (fileName: string, text: string): void => {
    texts.set(fileName, text);
    versions.set(fileName, nextVersion++);
  };
  return {
    service,
    plugin,
    info,
    logs,
    setFile,
    text: (fileName) => texts.get(fileName) ?? '',
    applyChanges(changes) {
      for (const change of changes) setFile(change.fileName, applyTextChanges(texts.get(change.fileName) ?? '', change.textChanges));
    },
  };
}
