import OpenAI from 'openai';

// Fully attributed: nothing to report.
export const attributed = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  defaultHeaders: {
    'HTTP-Referer': 'https://github.com/acme/support-bot',
    'X-OpenRouter-Title': 'Acme Support Bot',
    'X-OpenRouter-Categories': 'general-chat',
  },
});
