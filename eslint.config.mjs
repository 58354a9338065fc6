import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/', 'tests/fixtures/', '.bench/', '.scratch/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
  },
  {
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-docs-description': 'error',
      // Present in every rule file; tests/package.test.ts checks each is ruleDocsUrl(name).
      'eslint-plugin/require-meta-docs-url': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
    },
  },
];
