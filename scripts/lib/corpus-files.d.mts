/** A file to lint: its (absolute) name, its text, and the language key it parses as. */
export interface SourceFile {
  filename: string;
  code: string;
  /** `ts`, `tsx`, or `module`/`commonjs`/`script`, optionally with `-jsx`. */
  language: string;
}

export declare const JS_EXTENSIONS: readonly string[];
export declare const TS_EXTENSIONS: readonly string[];
export declare function listFiles(root: string, extensions: readonly string[]): string[];
export declare function languageOptions(language: string): Record<string, unknown>;
export declare function detectJsLanguage(file: string, code: string): string | null;
export declare function detectTsLanguage(file: string): 'ts' | 'tsx';
export declare function collectJsCorpus(nodeModules: string, options?: { maxFiles?: number; maxBytes?: number }): SourceFile[];
export declare function evenly<T>(list: readonly T[], count: number): T[];
export declare function readSourceFiles(files: readonly string[]): SourceFile[];
