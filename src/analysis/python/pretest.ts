/**
 * One test of a Python file's text before it is parsed. Wider than JavaScript's (the word OpenRouter):
 * Python code often imports its OpenRouter URL from a settings module and posts to it under a generic
 * name, so a file that names a client, a completions path or attribution headers is read too.
 */
const MAY_HOLD_SITE = /openrouter|completions|base_url|api_base|openai|litellm|dspy|crewai|extra_headers|default_headers|http-referer|x-title/i;

export function mayHoldPythonSite(text: string): boolean {
  return MAY_HOLD_SITE.test(text);
}
