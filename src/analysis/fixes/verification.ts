/**
 * Every fix and suggestion is re-parsed before it is offered: a planned edit whose result does not
 * parse is dropped and its finding reported without it. This is the last line of defence behind fix
 * planning, for every rule. Re-parsing one by one is bounded per file (`REPARSE_BYTES` of text), so a
 * file with thousands of findings cannot make linting quadratic: past the bound the remaining
 * autofixes are checked together in one parse (as `--fix` applies them), and the remaining
 * suggestions are dropped.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileKey, nodeAt, type Node } from '../syntax/ast.js';
import { isPythonSource } from '../python/python-source.js';
import { syntaxErrorCount } from '../python/parse.js';
import { isLiteralSwap } from './literal-swap.js';
import { isProvenInsertion } from './property-insertion.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Descriptor = TSESLint.ReportDescriptor<string>;
type Fix = TSESLint.RuleFix;
type FixFunction = TSESLint.ReportFixFunction;

/** Bytes of text a file may re-parse to check its fixes one by one (a 2 KB file: 32 checks; a 64 KB one: 1). */
const REPARSE_BYTES = 64 * 1024;

type Ranged = { range: TSESTree.Range };

/** A fixer that records edits, as ESLint's does. */
const RECORDING_FIXER: TSESLint.RuleFixer = {
  insertTextAfter: (node: Ranged, text: string) => ({ range: [node.range[1], node.range[1]], text }),
  insertTextAfterRange: (range: TSESTree.Range, text: string) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (node: Ranged, text: string) => ({ range: [node.range[0], node.range[0]], text }),
  insertTextBeforeRange: (range: TSESTree.Range, text: string) => ({ range: [range[0], range[0]], text }),
  remove: (node: Ranged) => ({ range: node.range, text: '' }),
  removeRange: (range: TSESTree.Range) => ({ range, text: '' }),
  replaceText: (node: Ranged, text: string) => ({ range: node.range, text }),
  replaceTextRange: (range: TSESTree.Range, text: string) => ({ range, text }),
} as TSESLint.RuleFixer;

/** The edits of a fix function, sorted; null when it makes none or they overlap (ESLint would throw). */
function editsOf(fix: FixFunction): Fix[] | null {
  const result = fix(RECORDING_FIXER);
  if (!result) return null;
  const edits = [...(Symbol.iterator in Object(result) ? (result as Iterable<Fix>) : [result as Fix])].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let index = 1; index < edits.length; index++) if (edits[index]!.range[0] < edits[index - 1]!.range[1]) return null;
  return edits.length > 0 ? edits : null;
}

function applyEdits(text: string, edits: readonly Fix[]): string {
  let out = '';
  let position = 0;
  for (const edit of edits) {
    out += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return out + text.slice(position);
}

/** Options that would make a re-parse build a type-checked program: a syntax check needs none of them. */
const PROGRAM_OPTIONS = new Set(['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService', 'tsconfigRootDir', 'projectFolderIgnoreList']);

interface Parser {
  meta?: { name?: string };
  parse?(text: string, options: unknown): unknown;
  parseForESLint?(text: string, options: unknown): unknown;
}

type ParseCheck = (text: string) => boolean;

function checker(parse: (text: string, options: object) => unknown, options: object): ParseCheck {
  return (text) => {
    try {
      parse(text, options);
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * Set by a host on a parser that wraps another (the tsserver host's hands tsserver's Program to
 * typescript-eslint's): edits are then checked by the wrapped parser, as any other text is parsed.
 */
export const WRAPPED_PARSER = Symbol.for('eslint-plugin-openrouter.wrapped-parser');

/** Parses text the way the file was parsed (same parser and language options); null when the host gives no working parser. */
function hostParser(context: Context): ParseCheck | null {
  const languageOptions = ((context as unknown as { languageOptions?: Record<string, unknown> }).languageOptions ?? {});
  const given = languageOptions.parser as (Parser & { [WRAPPED_PARSER]?: Parser }) | undefined;
  const parser = given?.[WRAPPED_PARSER] ?? given;
  const parserOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((languageOptions.parserOptions as Record<string, unknown> | undefined) ?? {})) {
    if (!PROGRAM_OPTIONS.has(key)) parserOptions[key] = value;
  }
  if (parser?.meta?.name === TYPESCRIPT_ESLINT_PARSER) {
    const jsx = (parserOptions.ecmaFeatures as { jsx?: boolean } | undefined)?.jsx ?? /x$/i.test(context.filename);
    const syntax = typescriptSyntaxCheck(parser, context.filename, jsx);
    if (syntax) return syntax;
  }
  const parse = parser?.parseForESLint?.bind(parser) ?? parser?.parse?.bind(parser);
  if (!parse) return null;
  const options = {
    ...parserOptions,
    ecmaVersion: languageOptions.ecmaVersion ?? 'latest',
    sourceType: languageOptions.sourceType ?? 'module',
    filePath: context.filename,
    range: true,
    loc: true,
    tokens: false,
    comment: false,
  };
  return parsesAtAll(parser!, parse, options) ? checker(parse, options) : null;
}

const TYPESCRIPT_ESLINT_PARSER = 'typescript-eslint/parser';

interface SyntaxParser {
  parse(text: string, options: object): unknown;
}

/**
 * typescript-eslint's parser checks syntax through typescript-estree; its `parse` alone, without the
 * scope analysis, tokens and comments ESLint needs, rejects exactly the same text at a third of
 * the cost. Loaded from the parser's own location, so it is the very version the parser uses.
 */
const estrees = new WeakMap<Parser, SyntaxParser | null>();

function typescriptSyntaxCheck(parser: Parser, filename: string, jsx: boolean): ParseCheck | null {
  let estree = estrees.get(parser);
  if (estree === undefined) {
    const loaded = loadFrom(parser, '@typescript-eslint/typescript-estree') as SyntaxParser | null;
    estree = typeof loaded?.parse === 'function' ? loaded : null;
    estrees.set(parser, estree);
  }
  if (!estree) return null;
  return checker(estree.parse.bind(estree), { filePath: filename, jsx, range: false, loc: false, tokens: false, comment: false });
}

/** `require(name)`, from where `parser` was loaded when one is given, or null when it is not installed. */
function loadFrom(parser: Parser | null, name: string): unknown {
  const location = parser ? Object.values(require.cache).find((module) => module?.exports === parser)?.filename : undefined;
  try {
    return location ? createRequire(location)(name) : require(name);
  } catch {
    return null;
  }
}

/**
 * A host without a working parser (Oxlint) still gets its edits checked: by typescript-eslint's
 * parser for TypeScript or espree for JavaScript, when installed (ESLint, a peer dependency, brings
 * espree), and only where that parser accepts the file as it is, so a syntax it does not know never
 * makes every fix look broken.
 */
function fallbackParser(context: Context): ParseCheck | null {
  const filename = context.filename;
  const jsx = /x$/i.test(filename);
  if (/\.[cm]?tsx?$/i.test(filename)) {
    const parser = loadFrom(null, '@typescript-eslint/parser') as Parser | null;
    return parser && acceptingFile(typescriptSyntaxCheck(parser, filename, jsx), context.sourceCode.text);
  }
  const espree = loadFrom(null, 'espree') as Parser | null;
  if (typeof espree?.parse !== 'function') return null;
  const options = { ecmaVersion: 'latest', sourceType: /\.cjs$/i.test(filename) ? 'commonjs' : 'module', ecmaFeatures: { jsx: jsx || /\.js$/i.test(filename) }, range: true, loc: true };
  return acceptingFile(checker(espree.parse.bind(espree), options), context.sourceCode.text);
}

/**
 * A check that refuses an edit only if the parser accepts the file as it is: asked once, and only
 * when an edit fails, so the common case costs one parse.
 */
function acceptingFile(check: ParseCheck | null, original: string): ParseCheck | null {
  if (!check) return null;
  let originalParses: boolean | undefined;
  return (text) => check(text) || !(originalParses ??= check(original));
}

/**
 * How a file's edits are checked, decided once per file, and what each edited expression's text gave:
 * a file with many findings often fixes many of them the same way (the same call given the same
 * options), and a text that parsed once parses again.
 */
const fileParsers = new WeakMap<object, { check: ParseCheck | null; expressions: Map<string, boolean> }>();

/** A Python file's edits: no more places to recover from than the file had (one parse of it, asked once). */
function pythonCheck(original: string): ParseCheck {
  let before: number | undefined;
  return (text) => syntaxErrorCount(text) <= (before ??= syntaxErrorCount(original));
}

function parserFor(context: Context): { check: ParseCheck | null; expressions: Map<string, boolean> } {
  const key = fileKey(context.sourceCode);
  let entry = fileParsers.get(key);
  if (!entry) {
    const check = isPythonSource(context.sourceCode) ? pythonCheck(context.sourceCode.text) : (hostParser(context) ?? fallbackParser(context));
    entry = { check, expressions: new Map() };
    fileParsers.set(key, entry);
  }
  return entry;
}

/**
 * Oxlint (1.9x) hands rules a `languageOptions.parser` whose `parse` always throws ("not implemented
 * yet"): such a parser is no parser, or every fix would be dropped as unparsable. One probe with
 * empty text per parser object tells it apart from a parser that rejects an edit.
 */
const workingParsers = new WeakMap<object, boolean>();
function parsesAtAll(parser: object, parse: (text: string, options: object) => unknown, options: object): boolean {
  let works = workingParsers.get(parser);
  if (works === undefined) {
    try {
      parse('', options);
      works = true;
    } catch {
      works = false;
    }
    workingParsers.set(parser, works);
  }
  return works;
}

/** What is left of a file's re-parse allowance, shared by every rule that lints it. */
const allowances = new WeakMap<object, { remaining: number }>();

function allowanceOf(context: Context): { remaining: number } {
  const sourceCode = context.sourceCode;
  let allowance = allowances.get(fileKey(sourceCode));
  if (!allowance) {
    allowance = { remaining: REPARSE_BYTES };
    allowances.set(fileKey(sourceCode), allowance);
  }
  return allowance;
}

/** A fix function that returns the edits already computed and verified. */
const replay = (edits: readonly Fix[]): FixFunction => () => [...edits];

/**
 * The descriptors with every fix and suggestion whose result would not parse removed. A parser the
 * file cannot parse is never used: without one, edits go unchecked.
 */
export function verifyFixes(context: Context, descriptors: readonly Descriptor[]): Descriptor[] {
  if (!descriptors.some((descriptor) => descriptor.fix || descriptor.suggest?.length)) return [...descriptors];
  const { check: parses, expressions } = parserFor(context);
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const allowance = allowanceOf(context);
  /** The whole file re-parsed with the edits, while the file's allowance lasts; past it, refused. */
  const checkFile = (edits: readonly Fix[]): boolean => {
    if (allowance.remaining < text.length) return false;
    allowance.remaining -= text.length;
    return parses!(applyEdits(text, edits));
  };
  /**
   * True when the expression the edits fall in, re-parsed alone, parses (or there is no parser to
   * ask). Literal swaps parse wherever their literal stood (literal-swap.ts), and proven property
   * insertions in any object literal (property-insertion.ts): nothing to re-parse.
   */
  const parsesAlone = (edits: readonly Fix[], near: Node | undefined): boolean => {
    if (!parses || edits.every((edit) => isLiteralSwap(edit) || isProvenInsertion(edit))) return true;
    const local = editedExpression(sourceCode, edits, near);
    if (local === null) return false;
    let parsed = expressions.get(local);
    if (parsed === undefined) expressions.set(local, (parsed = parses(local)));
    return parsed;
  };
  /** The expression the edits fall in, re-parsed alone; the whole file only when that does not parse. */
  const check = (edits: readonly Fix[] | null, near: Node | undefined): edits is readonly Fix[] => !!edits && (parsesAlone(edits, near) || checkFile(edits));

  const out: Descriptor[] = descriptors.map((descriptor) => {
    if (!descriptor.suggest?.length) return descriptor;
    const near = reportedNode(descriptor);
    const suggest = descriptor.suggest.flatMap((suggestion) => {
      const edits = editsOf(suggestion.fix);
      return check(edits, near) ? [{ ...suggestion, fix: replay(edits) }] : [];
    });
    return { ...descriptor, suggest };
  });

  // Autofixes one by one, each in the expression it edits; what that cannot settle (an edit the
  // expression alone cannot parse, past the allowance) is checked together, as `--fix` applies it.
  const unsettled: { index: number; edits: Fix[] }[] = [];
  descriptors.forEach((descriptor, index) => {
    if (!descriptor.fix) return;
    const edits = editsOf(descriptor.fix);
    out[index] = { ...out[index]!, fix: null };
    if (!edits) return;
    if (parsesAlone(edits, reportedNode(descriptor))) out[index] = { ...out[index]!, fix: replay(edits) };
    else unsettled.push({ index, edits });
  });
  const together: typeof unsettled = [];
  let end = -1;
  for (const item of unsettled.sort((a, b) => a.edits[0]!.range[0] - b.edits[0]!.range[0])) {
    if (allowance.remaining >= text.length) {
      if (checkFile(item.edits)) out[item.index] = { ...out[item.index]!, fix: replay(item.edits) };
    } else if (item.edits[0]!.range[0] >= end) {
      together.push(item);
      end = item.edits.at(-1)!.range[1];
    }
  }
  if (together.length > 0 && parses!(applyEdits(text, together.flatMap((item) => item.edits)))) {
    for (const item of together) out[item.index] = { ...out[item.index]!, fix: replay(item.edits) };
  }
  return out;
}

/** Past this size an edited expression is checked in the whole file: it is most of the file anyway. */
const MAX_LOCAL_TEXT = 16 * 1024;

/**
 * The smallest expression around all the edits, as it reads after them, wrapped as an expression
 * statement; null when there is none small enough. Edits stay inside it (they insert into its
 * braces or brackets, or replace a literal in it), so if it parses alone it parses in the file.
 * What it cannot parse alone (an `await` in a script, a `yield`, `super`) is left to the whole file.
 */
function editedExpression(sourceCode: Context['sourceCode'], edits: readonly Fix[], near: Node | undefined): string | null {
  const start = edits[0]!.range[0];
  const end = edits.at(-1)!.range[1];
  let node: Node | undefined = nodeAt(descentStart(sourceCode.ast, near, start), start);
  while (node?.range && !(node.range[0] <= start && end <= node.range[1] && isExpression(node))) node = node.parent;
  if (!node?.range || node.range[1] - node.range[0] > MAX_LOCAL_TEXT) return null;
  const [from, to] = node.range;
  const shifted = edits.map((edit) => ({ range: [edit.range[0] - from, edit.range[1] - from] as TSESTree.Range, text: edit.text }));
  return `(\n${applyEdits(sourceCode.text.slice(from, to), shifted)}\n);\n`;
}

/** The node a descriptor reports on, when it names one. */
function reportedNode(descriptor: Descriptor): Node | undefined {
  return 'node' in descriptor ? (descriptor.node as Node) : undefined;
}

/**
 * Where to look for the node at `index`: the reported node's nearest ancestor that holds it (a fix
 * edits near its finding), found in the depth of the tree rather than its breadth; the root when
 * there is none, or the reported node is not of this file's tree (a value read in another module).
 */
function descentStart(root: Node, near: Node | undefined, index: number): Node {
  let holder: Node | undefined;
  let node = near;
  for (; node?.parent; node = node.parent) if (!holder && node.range && node.range[0] <= index && index < node.range[1]) holder = node;
  return node === root && holder ? holder : root;
}

const EXPRESSIONS = new Set(['CallExpression', 'NewExpression', 'ObjectExpression', 'ArrayExpression', 'Literal', 'TemplateLiteral']);

function isExpression(node: Node): boolean {
  return EXPRESSIONS.has(node.type);
}
