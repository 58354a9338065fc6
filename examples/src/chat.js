const OPENROUTER_URL = 'https://openrouter.ai/api/v1/chat/completions';

export async function ask(question) {
  const response = await fetch(OPENROUTER_URL, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.OPENROUTER_API_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: question }] }),
  });
  return response.json();
}

// Metadata calls carry no attribution and are not flagged.
export const listModels = () => fetch('https://openrouter.ai/api/v1/models');
