/**
 * Referer parts that change per deployment, page or request: each value is a separate app on
 * OpenRouter. Read from a value's leaves (see value-leaves.ts); anything not listed here is stable
 * as far as the file tells.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../syntax/ast.js';
import { resolveString, type Hole, type StringAlternative } from '../values/static-value.js';
import { unstableRead, type UnstableRead } from '../values/unstable-reads.js';
import { valueLeaves } from '../values/value-leaves.js';

export type UnstableScope = 'deployment' | UnstableRead;

/**
 * Variables a host sets per deployment or preview (Vercel, Netlify, Cloudflare Pages, Render), also
 * with the framework prefixes that expose them to the browser. The production URLs
 * (`VERCEL_PROJECT_PRODUCTION_URL`, Netlify's `URL`) are stable and not listed.
 */
const PER_DEPLOY_ENV =
  /^(?:NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|NUXT_PUBLIC_|EXPO_PUBLIC_|GATSBY_)?(?:VERCEL_URL|VERCEL_BRANCH_URL|DEPLOY_URL|DEPLOY_PRIME_URL|CF_PAGES_URL|RENDER_EXTERNAL_URL)$/;

/** Whether an environment read is one of the per-deployment variables. */
export function isPerDeployEnv(hole: Hole): boolean {
  return hole.kind === 'env' && hole.name !== null && PER_DEPLOY_ENV.test(hole.name);
}

/**
 * What a value's holes change per: a per-deployment variable, or a page or request read where the
 * value was written (another module's constant, a helper's return).
 */
function heldChange(alternatives: readonly StringAlternative[]): UnstableScope | null {
  for (const alternative of alternatives) {
    for (const piece of alternative.pieces) {
      if (typeof piece === 'string') continue;
      if (piece.changesPer) return piece.changesPer;
      if (isPerDeployEnv(piece)) return 'deployment';
    }
  }
  return null;
}

/** The leaves of a referer value that change per deployment, page or request, each with what it changes per. */
export function unstableLeaves(sourceCode: Readonly<TSESLint.SourceCode>, value: Node): { leaf: Node; changesPer: UnstableScope }[] {
  const found: { leaf: Node; changesPer: UnstableScope }[] = [];
  for (const leaf of valueLeaves(sourceCode, value)) {
    const scope = sourceCode.getScope(leaf);
    const changesPer: UnstableScope | null =
      unstableRead(leaf, scope) ??
      // A template's own text is no read; its reads are leaves of their own.
      (leaf.type !== 'TemplateLiteral' ? heldChange(resolveString(leaf, scope)) : null);
    if (changesPer) found.push({ leaf, changesPer });
  }
  return found;
}

/**
 * The parts of a referer alternative that change per deployment, page or request, in either language:
 * JavaScript's leaves, walked in its syntax; in Python the value itself, its holes marked where they were read
 * (a request's host, a per-deployment variable).
 */
export function unstableParts(sourceCode: Readonly<TSESLint.SourceCode>, language: 'python' | undefined, alternative: StringAlternative): { leaf: Node; changesPer: UnstableScope }[] {
  if (language !== 'python') return unstableLeaves(sourceCode, alternative.node);
  const changesPer = heldChange([alternative]);
  return changesPer ? [{ leaf: alternative.node, changesPer }] : [];
}
