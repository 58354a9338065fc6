import { OpenRouter } from '@openrouter/sdk';

// The SDK takes attribution as options; none are set here.
export const client = new OpenRouter({
  apiKey: process.env.OPENROUTER_API_KEY,
});
