/**
 * LiteLLM's `Router(model_list=[{"model_name": ..., "litellm_params": {...}}])`. The router calls
 * `litellm.completion(**{**deployment["litellm_params"], "messages": ..., **kwargs})` for the deployment it
 * picks (router.py, `_completion` and `_acompletion`, read at BerriAI/litellm's main, December 2026, and the
 * same since its first releases): a deployment's params are that call's keywords, its base URL, model and
 * `extra_headers` included, and the router call's own keywords (with `default_litellm_params`) win over them.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonModule } from './module-files.js';
import { argumentOf, callArguments, meaningfulChildren, unparenthesised } from './tree.js';
import { dictEntry, type PythonExpression, type PythonValues } from './values.js';

/** Where the router class is imported from. */
export const LITELLM_ROUTERS: ReadonlySet<string> = new Set(['litellm.Router', 'litellm.router.Router']);

/** The list literal of a router's `model_list`, given in the call or held by a name bound once; null when the file does not show it. */
export function routerModelList(values: PythonValues, module: PythonModule, router: SyntaxNode): SyntaxNode | null {
  const given = argumentOf(callArguments(module.index.parse.text, router), ['model_list'], 0);
  if (!given) return null;
  let list: SyntaxNode | null = unparenthesised(given);
  if (list.name === 'VariableName') list = values.singleValue(module, list);
  return list?.name === 'ArrayExpression' ? list : null;
}

/** The `litellm_params` of each deployment of a model list that the file spells out. */
export function listedDeployments(values: PythonValues, module: PythonModule, list: SyntaxNode): PythonExpression[] {
  const deployments: PythonExpression[] = [];
  for (const item of meaningfulChildren(list)) {
    if (item.name === 'for' || item.name === 'StarExpression') return deployments;
    if (!values.budget.charge()) break;
    const deployment = values.dict(module, item);
    const params = deployment ? dictEntry(deployment, 'litellm_params', false) : null;
    if (params?.values.length === 1 && params.values[0]!.module === module) deployments.push(params.values[0]!);
  }
  return deployments;
}
