/**
 * Parses a statement slice (statement-slice.ts) for ESLint with tsserver's Program: typescript-estree
 * converts a SourceFile of the sliced text, handed to it through a view of the Program, and the
 * parser services map each ESTree node to the node at the same place in the Program's own
 * SourceFile, so that the type checker answers as it does for the whole file.
 */
import type * as ts from 'typescript';
import type { StatementSlice } from './statement-slice.js';
import type { TypeScriptParser } from './lint-packages.js';
import type { TypeScript } from './typescript-module.js';

interface ParseResult {
  ast: { body: { range: [number, number] }[] };
  services: Record<string, unknown> & {
    esTreeNodeToTSNodeMap: { get(node: object): ts.Node | undefined };
    tsNodeToESTreeNodeMap: { get(node: ts.Node): object | undefined };
  };
}

function childrenOf(typescript: TypeScript, node: ts.Node): ts.Node[] {
  const children: ts.Node[] = [];
  typescript.forEachChild(
    node,
    (child) => void children.push(child),
    (list) => void children.push(...list),
  );
  return children;
}

/** The node at the same place in the other tree: both have the same shape below the kept statements. */
function counterpart(typescript: TypeScript, node: ts.Node, from: readonly ts.Node[], to: readonly ts.Node[], toRoot: ts.Node): ts.Node | undefined {
  const path: number[] = [];
  let current = node;
  for (let top = from.indexOf(current); top < 0; top = from.indexOf(current)) {
    const parent = current.parent;
    if (!parent) return current === from[0]?.parent ? toRoot : undefined;
    path.push(childrenOf(typescript, parent).indexOf(current));
    current = parent;
  }
  let result: ts.Node | undefined = to[from.indexOf(current)];
  for (let step = path.length - 1; step >= 0 && result; step--) result = childrenOf(typescript, result)[path[step]!];
  return result?.kind === node.kind ? result : undefined;
}

/**
 * ESLint's parse of the slice, or null when its statements are not exactly the kept ones (then the
 * whole file is parsed: blanking out a statement must not change how the others parse).
 */
export function parseSlice(
  typescript: TypeScript,
  parser: TypeScriptParser,
  slice: StatementSlice,
  sourceFile: ts.SourceFile,
  program: ts.Program,
  parserOptions: Record<string, unknown> | undefined,
): unknown {
  const sliced = typescript.createSourceFile(
    sourceFile.fileName,
    slice.text,
    { languageVersion: sourceFile.languageVersion, impliedNodeFormat: sourceFile.impliedNodeFormat },
    true,
  );
  const view = Object.create(program, {
    getSourceFile: { value: (fileName: string) => (program.getSourceFile(fileName) === sourceFile ? sliced : program.getSourceFile(fileName)) },
  }) as ts.Program;
  const result = parser.parseForESLint(slice.text, { ...parserOptions, programs: [view] }) as ParseResult;
  const { body } = result.ast;
  if (body.length !== slice.kept.length || body.some(({ range }, index) => range[0] !== slice.kept[index]!.getStart(sourceFile) || range[1] !== slice.kept[index]!.end)) {
    return null;
  }
  const slicedStatements = [...sliced.statements];
  const own = result.services;
  const toProgram = (node: object): ts.Node | undefined => {
    const tsNode = own.esTreeNodeToTSNodeMap.get(node);
    return tsNode && counterpart(typescript, tsNode, slicedStatements, slice.kept, sourceFile);
  };
  const checker = program.getTypeChecker();
  const services = {
    ...own,
    program,
    esTreeNodeToTSNodeMap: { get: toProgram, has: (node: object) => toProgram(node) !== undefined },
    tsNodeToESTreeNodeMap: {
      get: (node: ts.Node) => {
        const tsNode = counterpart(typescript, node, slice.kept, slicedStatements, sliced);
        return tsNode && own.tsNodeToESTreeNodeMap.get(tsNode);
      },
      has: (node: ts.Node) => services.tsNodeToESTreeNodeMap.get(node) !== undefined,
    },
    getSymbolAtLocation: (node: object) => {
      const tsNode = toProgram(node);
      return tsNode && checker.getSymbolAtLocation(tsNode);
    },
    getTypeAtLocation: (node: object) => checker.getTypeAtLocation(toProgram(node)!),
  };
  return { ...result, services };
}
