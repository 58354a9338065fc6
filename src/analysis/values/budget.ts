/**
 * The bound on the work the analysis may do for one file. Inputs are hostile (the rules run on every
 * keystroke and, through audits, on code nobody here wrote), so every resolver entry point charges
 * this budget and memoises its result per node. Past any limit a value is unknown: the rules stay
 * silent rather than guess. Nothing here is per rule: one budget serves the file's one analysis.
 */
import type { Node } from '../syntax/ast.js';
import { bindingsKey } from './parameter-bindings.js';
import type { TypeServices } from './type-values.js';

export const LIMITS = {
  /** Values one expression may take (`a || b`, `c ? a : b`); more make the value unknown. */
  alternativesPerValue: 16,
  /** Known-text and unknown pieces of one value; past it the middle is folded into one hole. */
  piecesPerValue: 32,
  /** Characters of known text in one value (URLs stay far below); past it the text is cut into a hole. */
  textPerValue: 4096,
  /**
   * Keys one member read may be (`PROVIDERS[id]` with `id` one of a few texts, or any key of a table the
   * code does not pick from by name); more make the value unknown.
   */
  keysPerRead: 8,
  /** Keys of one resolved object (spreads included); more make the object unknown. */
  entriesPerObject: 256,
  /** Nested resolutions on one path (constant of a constant of ...). Recursion stays well below the stack. */
  depth: 24,
  /** Resolution steps per file: a base, plus a few per character of the file, so the bound is linear. */
  stepsBase: 20_000,
  stepsPerCharacter: 4,
} as const;

/** Per-node results of one resolver, computed once per file; `IN_PROGRESS` breaks cycles. */
export const IN_PROGRESS = Symbol('in progress');
export type Memo<T> = Map<Node, T | typeof IN_PROGRESS>;

/**
 * The state of one file's resolution: steps spent, the memoised results of each resolver, and the
 * type checker when the parser gave a Program (values from other files are then known by type).
 */
export class ResolutionBudget {
  private steps = 0;
  private readonly memos = new Map<string, Memo<unknown>>();
  constructor(
    readonly maxSteps: number,
    readonly types: TypeServices | null = null,
  ) {}

  static forText(length: number, types: TypeServices | null = null): ResolutionBudget {
    return new ResolutionBudget(LIMITS.stepsBase + LIMITS.stepsPerCharacter * length, types);
  }

  /** Spends `cost` steps; false once the file's budget is used up. */
  charge(cost = 1): boolean {
    this.steps += cost;
    return this.steps <= this.maxSteps;
  }

  get exhausted(): boolean {
    return this.steps > this.maxSteps;
  }

  get spent(): number {
    return this.steps;
  }

  memo<T>(name: string): Memo<T> {
    let memo = this.memos.get(name);
    if (!memo) {
      memo = new Map();
      this.memos.set(name, memo);
    }
    return memo as Memo<T>;
  }
}

let active: ResolutionBudget | null = null;

/** Runs the analysis of one file under its budget. */
export function withBudget<T>(budget: ResolutionBudget, run: () => T): T {
  const previous = active;
  active = budget;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/** The budget of the file being analysed; a call outside an analysis gets a fresh default one. */
export function currentBudget(): ResolutionBudget {
  return active ?? ResolutionBudget.forText(0);
}

/**
 * Memoised, budgeted, depth-bounded resolution of `node` by `compute`: the shared entry point of
 * every resolver. Returns `unknown` when the budget or depth is exceeded, or on a cycle.
 */
export function memoised<T>(memoName: string, node: Node, depth: number, unknown: T, compute: () => T): T {
  // A resolution started outside an analysis (tests, tools) gets a budget of its own for its whole tree.
  if (!active) return withBudget(ResolutionBudget.forText(0), () => memoised(memoName, node, depth, unknown, compute));
  const budget = active;
  // Under a wrapper's parameter bindings the same node may hold other values: a memo table of their own.
  const key = bindingsKey();
  const memo = budget.memo<T>(key === 0 ? memoName : `${memoName}@${key}`);
  const cached = memo.get(node);
  if (cached === IN_PROGRESS) return unknown;
  if (cached !== undefined) return cached;
  if (depth > LIMITS.depth || !budget.charge()) return unknown;
  memo.set(node, IN_PROGRESS);
  let result = unknown;
  try {
    result = compute();
  } finally {
    memo.set(node, result);
  }
  return result;
}
