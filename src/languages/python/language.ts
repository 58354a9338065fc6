/**
 * Python as an ESLint language (`language: 'openrouter/python'`), so the plugin's rules run on `.py`
 * files in ESLint and in the audit alike. Parsing is synchronous (ESLint's `parse` must be) and only for
 * files that can hold a site: the rest get a root node and nothing else.
 */
import { parsePython, mayHoldPythonSite } from '../../analysis/index.js';
import { PythonSourceCode, type PythonProgram } from './source-code.js';

interface File {
  readonly body: string | Uint8Array;
  /** The file on disk (ESLint's `physicalPath`, else its `path`): the modules it imports are looked into. */
  readonly physicalPath?: string;
  readonly path?: string;
}

const text = (file: File): string => (typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body));

export const pythonLanguage = {
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 0 as const,
  nodeTypeKey: 'type',
  visitorKeys: { Program: [] as string[] },
  defaultLanguageOptions: {},
  validateLanguageOptions(options: unknown): void {
    if (options && typeof options === 'object' && Object.keys(options).length > 0) {
      throw new Error(`openrouter/python takes no language options (got ${Object.keys(options).join(', ')})`);
    }
  },
  parse(file: File): { ok: true; ast: PythonProgram; python: ReturnType<typeof parsePython> | null; text: string } {
    const source = text(file);
    const python = mayHoldPythonSite(source, file.physicalPath ?? file.path ?? null) ? parsePython(source) : null;
    // The root is made by the SourceCode, which knows the lines; ESLint wants one here too.
    return { ok: true, ast: { type: 'Program', range: [0, source.length], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } }, python, text: source };
  },
  createSourceCode(_file: File, parsed: { python: ReturnType<typeof parsePython> | null; text: string }): PythonSourceCode {
    return new PythonSourceCode(parsed.text, parsed.python);
  },
};
