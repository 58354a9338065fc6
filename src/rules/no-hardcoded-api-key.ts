import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { alternativeHoldsKey, credentialValues, keySource } from '../analysis/checks/credentials.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'no-hardcoded-api-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow OpenRouter API keys (`sk-or-v1-…`) written in code, where anyone who reads the file can spend the account\'s credits',
      recommended: 'error',
      url: ruleDocsUrl('no-hardcoded-api-key'),
    },
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      // The key is never echoed: a message ends up in CI logs, editors and reports.
      hardcodedKey:
        'An OpenRouter API key is written in the code and reaches {{where}}: anyone who can read this file can spend the account\'s credits. Revoke the key and read it from the environment (`process.env.OPENROUTER_API_KEY`).',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const reported = new Set<unknown>();
      for (const { alternative, where } of credentialValues(analysis.sites)) {
        if (!alternativeHoldsKey(alternative)) continue;
        const node = keySource(context.sourceCode, alternative.node);
        if (reported.has(node)) continue;
        reported.add(node);
        report({ node, messageId: 'hardcodedKey', data: { where } });
      }
    });
  },
});
