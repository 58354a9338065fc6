/**
 * The top-level statements of a file that can bear on its OpenRouter findings. ESLint's cost is the
 * whole file's (ESTree conversion, scope analysis, traversal), but the analysis only follows names
 * from a site: its bindings, their references, the values they resolve to. A statement linked to no
 * kept one through a name declared at the top level cannot change a finding, so ESLint is shown the
 * file with such statements blanked out: spaces in their place, line breaks kept, so that every
 * position, line and comment of the rest stays where it is.
 *
 * Kept: the statements whose text passes the pre-test, and from each kept statement, the statements
 * that declare a name it mentions and those that mention a name it declares (a word in code, strings
 * or comments counts as a mention). A declaration declares the names it binds; any other statement
 * every word it holds but keywords, as its bindings are harder to list. Words that no top-level
 * statement declares (property names, locals, globals, the words of a type's members) link nothing,
 * so a call whose parameter's type shares its member names with every class of the file keeps that
 * type, not the file. Kept as well, for what ESLint reads of them rather than for their names: a
 * statement that is not a plain declaration, one that holds a comment (a disable directive), the one
 * with the file's first string literal (fix planning takes the file's quote from it), and the first
 * (the Program node starts there).
 */
import type * as ts from 'typescript';
import { BUILT_IN_TABLE, type ClientTable, mayHoldOpenRouterSite } from '../../analysis/index.js';
import type { TypeScript } from './typescript-module.js';

export interface StatementSlice {
  /** The file's text with the other statements blanked out. */
  readonly text: string;
  /** The statements left, in order. */
  readonly kept: readonly ts.Statement[];
}

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/gu;

/** Reserved and contextual keywords: no statement but a declaration that binds one declares it. */
const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with implements interface let package private ' +
    'protected public static yield await async as from of get set type declare readonly abstract override accessor keyof infer is ' +
    'asserts satisfies namespace module global unique out any unknown never string number boolean symbol bigint object undefined'
  ).split(' '),
);

/**
 * Grammar errors TypeScript reports with a code outside 1000-1999: typescript-estree rejects the
 * same code, and ESLint would then fail on the whole file.
 */
const GRAMMAR_CODES = new Set([2369, 2422, 2452, 2499, 2500, 7061]);

/**
 * Whether the diagnostics TypeScript reports for the file prove that typescript-estree converts
 * every statement: a blanked-out statement must not be one it would reject.
 */
function convertsWhole(diagnostics: readonly ts.Diagnostic[]): boolean {
  return diagnostics.every(({ code }) => code >= 2000 && code < 8000 && !GRAMMAR_CODES.has(code));
}

function declarationKinds(typescript: TypeScript): ReadonlySet<ts.SyntaxKind> {
  const { SyntaxKind } = typescript;
  return new Set([
    SyntaxKind.VariableStatement,
    SyntaxKind.FunctionDeclaration,
    SyntaxKind.ClassDeclaration,
    SyntaxKind.InterfaceDeclaration,
    SyntaxKind.TypeAliasDeclaration,
    SyntaxKind.EnumDeclaration,
    SyntaxKind.ImportDeclaration,
    SyntaxKind.ImportEqualsDeclaration,
  ]);
}

/** Whether the node holds a string literal that typescript-estree makes a `String` token (not a JSX attribute's). */
function holdsStringToken(typescript: TypeScript, node: ts.Node): boolean {
  if (node.kind === typescript.SyntaxKind.StringLiteral && node.parent?.kind !== typescript.SyntaxKind.JsxAttribute) return true;
  return typescript.forEachChild(node, (child) => holdsStringToken(typescript, child) || undefined) ?? false;
}

/** What the slicing reads of one statement: it depends on the statement's text alone. */
interface StatementFacts {
  /** The statement's text, from its first token. */
  readonly text: string;
  /** Its words, each once. */
  readonly words: readonly string[];
  readonly declaration: boolean;
  /** The names it declares (a declaration) or its words but keywords (any other statement). */
  readonly bound: readonly string[];
  readonly holdsComment: boolean;
  readonly holdsString: boolean;
  /** Its text blanked out (spaces, line breaks kept), once it has been. */
  blank: string | null;
  /** Whether its text passes the pre-test, for the client table last asked about. */
  holdsSite: { readonly clients: ClientTable; readonly value: boolean } | null;
}

/**
 * Facts per statement node. tsserver's incremental parse keeps the nodes of the statements an edit
 * does not touch, so while typing only the edited statement is read again; the text is compared,
 * so a node whose text changed never answers with old facts.
 */
const factsOf = new WeakMap<ts.Statement, StatementFacts>();

function statementFacts(typescript: TypeScript, statement: ts.Statement, text: string, declarations: ReadonlySet<ts.SyntaxKind>): StatementFacts {
  const cached = factsOf.get(statement);
  if (cached?.text === text) return cached;
  const words = [...new Set(text.match(WORD))];
  const declaration = declarations.has(statement.kind);
  const facts: StatementFacts = {
    text,
    words,
    declaration,
    // Words a non-declaration binds are not listed: all of its words but keywords count as names.
    bound: declaration ? declaredNames(typescript, statement) : words.filter((word) => !KEYWORDS.has(word)),
    holdsComment: text.includes('//') || text.includes('/*'),
    holdsString: holdsStringToken(typescript, statement),
    blank: null,
    holdsSite: null,
  };
  factsOf.set(statement, facts);
  return facts;
}

function holdsSite(facts: StatementFacts, clients: ClientTable): boolean {
  if (facts.holdsSite?.clients !== clients) facts.holdsSite = { clients, value: mayHoldOpenRouterSite(facts.text, true, clients) };
  return facts.holdsSite.value;
}

/**
 * The slice to lint instead of the whole file, or null to lint it whole: a file TypeScript finds
 * grammar errors in, a declaration or JavaScript file (not checked, so the errors are not known),
 * one with `@ts-` comments (they hide errors) or `\u` escapes (a name may be spelled two ways), and
 * one where every statement is kept.
 */
export function sliceStatements(
  typescript: TypeScript,
  sourceFile: ts.SourceFile,
  diagnostics: readonly ts.Diagnostic[],
  options: ts.CompilerOptions,
  clients: ClientTable = BUILT_IN_TABLE,
): StatementSlice | null {
  const { text, statements } = sourceFile;
  const extension = sourceFile.fileName.slice(sourceFile.fileName.lastIndexOf('.'));
  if (sourceFile.isDeclarationFile || !['.ts', '.tsx', '.mts', '.cts'].includes(extension) || options.noCheck) return null;
  if (text.includes('@ts-') || text.includes('\\u') || !convertsWhole(diagnostics) || statements.length < 2) return null;

  const declarations = declarationKinds(typescript);
  const starts = statements.map((statement) => statement.getStart(sourceFile));
  const facts = statements.map((statement, position) => statementFacts(typescript, statement, text.slice(starts[position], statement.end), declarations));
  // The statements that declare each name, and those that mention it; other words link nothing.
  const declaredBy = new Map<string, number[]>();
  facts.forEach(({ bound }, position) => {
    for (const name of bound) (declaredBy.get(name) ?? declaredBy.set(name, []).get(name)!).push(position);
  });
  const mentionedBy = new Map<string, number[]>();
  facts.forEach(({ words }, position) => {
    for (const word of words) if (declaredBy.has(word)) (mentionedBy.get(word) ?? mentionedBy.set(word, []).get(word)!).push(position);
  });

  // What a site can reach: the statements that may hold one, the declarations of the names they
  // mention and the mentions of the names they declare, and so on. Each name is followed once each
  // way, so the walk is linear in the file's words even where every statement shares one (following
  // it from each of them would be quadratic).
  const keep = statements.map(() => false);
  const queue: number[] = [];
  const mark = (position: number): void => {
    if (keep[position]) return;
    keep[position] = true;
    queue.push(position);
  };
  facts.forEach((fact, position) => {
    if (holdsSite(fact, clients)) mark(position);
  });
  const toDeclarations = new Set<string>();
  const toMentions = new Set<string>();
  for (let position = queue.pop(); position !== undefined; position = queue.pop()) {
    const { words, bound } = facts[position]!;
    for (const word of words) {
      if (toDeclarations.has(word)) continue;
      toDeclarations.add(word);
      for (const other of declaredBy.get(word) ?? []) mark(other);
    }
    for (const name of bound) {
      if (toMentions.has(name)) continue;
      toMentions.add(name);
      for (const other of mentionedBy.get(name) ?? []) mark(other);
    }
  }
  // Kept for what ESLint reads of them, not for their names: nothing they share a word with but the above reaches a site.
  keep[0] = true;
  const firstString = facts.findIndex((fact) => fact.holdsString);
  if (firstString >= 0) keep[firstString] = true;
  facts.forEach((fact, position) => {
    if (!fact.declaration || fact.holdsComment) keep[position] = true;
  });
  if (keep.every(Boolean)) return null;

  let sliced = '';
  let last = 0;
  statements.forEach((statement, position) => {
    if (keep[position]) return;
    const fact = facts[position]!;
    fact.blank ??= fact.text.replace(/[^\r\n\u2028\u2029]+/gu, (run) => ' '.repeat(run.length));
    sliced += text.slice(last, starts[position]) + fact.blank;
    last = statement.end;
  });
  return { text: sliced + text.slice(last), kept: statements.filter((_statement, position) => keep[position]) };
}

/** The names a declaration statement binds (some more, harmlessly: property names of patterns, defaults). */
function declaredNames(typescript: TypeScript, statement: ts.Statement): string[] {
  const names: string[] = [];
  const collect = (node: ts.Node | undefined): void => {
    if (!node) return;
    if (typescript.isIdentifier(node)) names.push(node.text);
    else typescript.forEachChild(node, collect);
  };
  if (typescript.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) collect(declaration.name);
  else if (typescript.isImportDeclaration(statement)) collect(statement.importClause);
  else collect((statement as ts.DeclarationStatement).name);
  return names;
}
