/** No rule takes options: each refuses them itself (ESLint's validator of option schemas is never loaded for them). */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const CODE = "const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: key });";

describe('rule options', () => {
  for (const name of Object.keys(rules)) {
    it(`openrouter/${name} runs with a severity alone and refuses options`, () => {
      const config = (entry: Linter.RuleEntry): Linter.Config[] => [{ plugins: { openrouter: plugin }, rules: { [`openrouter/${name}`]: entry } }];
      expect(() => new Linter().verify(CODE, config('error'), 'client.js')).not.toThrow();
      expect(() => new Linter().verify(CODE, config(['warn']), 'client.js')).not.toThrow();
      expect(() => new Linter().verify(CODE, config(['error', {}]), 'client.js')).toThrow(`openrouter/${name} takes no options: give it a severity alone`);
      expect(() => new Linter().verify(CODE, config(['error', 'a', 'b']), 'client.js')).toThrow('not 2 options after it');
      // Off is not validated, by ESLint's rule for every rule.
      expect(() => new Linter().verify(CODE, config(['off', {}]), 'client.js')).not.toThrow();
    });
  }
});
