import rule from '../../src/rules/sendable-header-values.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (title: string): string => `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': ${title} } });`;

runRuleTests('sendable-header-values', rule, {
  valid: [
    fetchWith("'Acme Docs'"),
    // Latin-1 is sendable.
    fetchWith("'Café Crème'"),
    fetchWith("'Acme · Docs'"),
    fetchWith('process.env.APP_NAME'),
    // Not an OpenRouter request.
    "fetch('https://example.com/v1/chat/completions', { headers: { 'X-Title': 'Acme — Docs' } });",
    // Escapes that are still Latin-1.
    fetchWith("'Acme\\u00e9'"),
  ],
  invalid: [
    {
      code: fetchWith("'Acme — Docs'"),
      errors: [
        {
          messageId: 'unsendable',
          data: { field: 'title', value: '"Acme — Docs"', char: '"—" (U+2014)' },
          suggestions: [{ messageId: 'usePlainSpelling', data: { value: '"Acme - Docs"' }, output: fetchWith("'Acme - Docs'") }],
        },
      ],
    },
    {
      code: fetchWith("'Acme’s “Docs”'"),
      errors: [{ messageId: 'unsendable', suggestions: [{ messageId: 'usePlainSpelling', output: fetchWith("'Acme\\'s \"Docs\"'") }] }],
    },
    {
      // No plain spelling for other scripts: no suggestion.
      code: fetchWith("'文档助手'"),
      errors: [{ messageId: 'unsendable', suggestions: [] }],
    },
    {
      code: fetchWith("'Acme 🚀'"),
      errors: [{ messageId: 'unsendable', suggestions: [] }],
    },
    {
      code: fetchWith("'Acme\\nDocs'"),
      errors: [{ messageId: 'unsendable', data: { field: 'title', value: '"Acme\\nDocs"', char: 'a line break' }, suggestions: [] }],
    },
    {
      // Every literal alternative is checked, in every client's form.
      code: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: process.env.APP_TITLE ?? 'Acme – Docs' });`,
      errors: [{ messageId: 'unsendable', suggestions: [{ messageId: 'usePlainSpelling', output: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: process.env.APP_TITLE ?? 'Acme - Docs' });` }] }],
    },
    {
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://dökümanlar.example.org/çalışma' } });`,
      errors: [{ messageId: 'unsendable', data: { field: 'HTTP-Referer', value: '"https://dökümanlar.example.org/çalışma"', char: '"ı" (U+0131)' }, suggestions: [] }],
    },
  ],
});
