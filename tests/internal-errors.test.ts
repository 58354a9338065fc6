/** An unexpected failure inside the plugin is reported on the file; it never throws out of ESLint. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const CODE = "import { OpenRouter } from '@openrouter/sdk';\nnew OpenRouter({ apiKey: 'k' });\n";

describe('internal errors', () => {
  it('are reported once per file, however many rules meet them, and linting goes on', () => {
    // Settings whose every read throws stand in for any unexpected failure while checking a file.
    const hostile = new Proxy({}, {
      get() {
        throw new Error('boom');
      },
      ownKeys() {
        throw new Error('boom');
      },
    });
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [plugin.configs.strict, { settings: { openrouter: hostile } }];
    let messages: Linter.LintMessage[] = [];
    expect(() => {
      messages = linter.verify(CODE, config, 'file.js');
    }).not.toThrow();
    // Every rule of `strict` meets the failure; the file gets one message for it.
    expect(messages).toHaveLength(1);
    for (const message of messages) {
      expect(message.messageId).toBe('internalError');
      expect(message.message).toContain('(boom)');
    }
    // Files without OpenRouter never reach the failing code.
    expect(linter.verify("fetch('https://example.com');", config, 'other.js')).toEqual([]);
  });
});
