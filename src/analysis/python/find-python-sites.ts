import type { OpenRouterSite } from '../sites/site.js';
import type { PythonParse } from './parse.js';

export function findPythonSites(_parse: PythonParse, _file: string | null): OpenRouterSite[] {
  return [];
}
