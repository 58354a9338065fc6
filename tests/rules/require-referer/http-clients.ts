/** require-referer: Requests through HTTP clients other than fetch: node:http(s), XMLHttpRequest, undici, SSE clients, platform request functions. */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

export const httpClientCases: CasesFor<typeof rule> = {
  valid: [],
  invalid: [],
};
