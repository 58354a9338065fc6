import tsParser from '@typescript-eslint/parser';
import openrouter from '../dist/index.js';

export default [
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
  openrouter.configs.recommended,
];
