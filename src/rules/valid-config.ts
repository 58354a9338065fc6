import { claimConfigProblem, settingsNamespaceProblem } from '../analysis/identity/config-reports.js';
import { createRule, onAnalysis, SHARED_MESSAGES } from '../analysis/report/create-rule.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'valid-config',
  meta: {
    type: 'problem',
    docs: {
      description:
        'require a valid attribution config (`settings.openrouter`, the `"openrouter"` field of package.json), reporting each problem once per run with its file and key',
      recommended: 'error',
      url: ruleDocsUrl('valid-config'),
    },
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      invalidConfig: 'Invalid OpenRouter attribution config: {{problem}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const namespace = settingsNamespaceProblem(context.settings);
      const problems = [...(namespace ? [namespace] : []), ...analysis.config().problems];
      const file = context.physicalFilename || context.filename;
      for (const problem of problems) {
        if (claimConfigProblem(context.cwd, problem, file)) report({ loc: { line: 1, column: 0 }, messageId: 'invalidConfig', data: { problem } });
      }
    });
  },
});
