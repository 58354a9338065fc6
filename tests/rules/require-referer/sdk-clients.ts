/** require-referer: Clients that take the SDK's options or their own (@openrouter/agent, @tanstack/ai-openrouter, @effect/ai-openrouter, Anthropic's, genkit's, ...). */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

export const sdkClientCases: CasesFor<typeof rule> = {
  valid: [],
  invalid: [],
};
