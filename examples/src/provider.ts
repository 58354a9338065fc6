import { createOpenRouter } from '@openrouter/ai-sdk-provider';

export const openrouter = createOpenRouter({
  apiKey: process.env.OPENROUTER_API_KEY,
  appUrl: 'https://github.com/acme/support-bot',
  appName: 'Chatbot',
  headers: { 'X-OpenRouter-Categories': 'general_chat,coding' },
});
