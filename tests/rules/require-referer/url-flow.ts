/** require-referer: Requests found by where their URL goes, whatever sends them: injected fetch functions, request descriptors. */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

export const urlFlowCases: CasesFor<typeof rule> = {
  valid: [],
  invalid: [],
};
