import OpenAI from 'openai';

const SITE_URL = process.env.SITE_URL || 'http://localhost:3000';

// Deployed without SITE_URL, this sends a localhost referer and no title.
export const openai = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey: process.env.OPENROUTER_API_KEY,
  defaultHeaders: {
    'HTTP-Referer': SITE_URL,
  },
});
