/** Generic and placeholder app titles: the word list is data, extendable from project config. */
import { byText } from './text-verdicts.js';

/** Words that name no app on their own. A title made only of these is generic; one brand word makes it fine. */
export const GENERIC_TITLE_WORDS: readonly string[] = [
  'a', 'an', 'the', 'my', 'our', 'your', 'app', 'apps', 'application', 'ai', 'llm', 'gpt', 'chat', 'chatbot', 'bot',
  'assistant', 'agent', 'helper', 'copilot', 'test', 'testing', 'demo', 'example', 'sample', 'hello', 'world', 'new',
  'simple', 'basic', 'site', 'website', 'web', 'name', 'title', 'project', 'tool', 'untitled', 'placeholder', 'here',
  'insert', 'foo', 'bar', 'openrouter', 'open', 'router', 'api', 'client', 'service', 'url', 'dev', 'local',
  'sdk', 'backend', 'frontend', 'server', 'code', 'content', 'generator', 'reviewer', 'explainer', 'assist', 'playground', 'platform', 'rag', 'system',
  // Kinds of add-on a program is: "AI Sidebar", "Chrome Extension" name no app (a platform's name beside them does).
  'sidebar', 'extension', 'plugin', 'addon', 'widget',
  // Kinds of code and what it costs: "AI LLM Library", "Free AI", "ChatGPT Clone Starter".
  'library', 'lib', 'module', 'package', 'wrapper', 'starter', 'template', 'boilerplate', 'clone', 'free',
  // Frameworks and languages a template is written in: "OpenRouter Chat App Vue", "Next.js AI Chatbot",
  // "LangChain Test", "FastAPI Chatbot". Not the ones an app is hosted on ("Streamlit", "Gradio"), which are platforms.
  'vue', 'react', 'next', 'nextjs', 'js', 'svelte', 'angular', 'node', 'nodejs', 'typescript', 'javascript', 'ts', 'python',
  'py', 'langchain', 'llamaindex', 'fastapi', 'flask', 'django', 'nestjs', 'deno',
  // Whom or what it is for, said of any program: "Personal Assistant Bot", "Enterprise AI Chatbot",
  // "AI Knowledge Assistant", "AI Digest".
  'personal', 'enterprise', 'knowledge', 'digest',
];

/**
 * Splits `MyAIApp`, `my_ai-app` and `My AI App` into lowercase words; a name written in one piece that is itself
 * a word of the list (`LangChain`, `FastAPI`) is kept whole.
 */
export function titleWords(title: string, words?: ReadonlySet<string>): string[] {
  return title
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((token) => (words?.has(token.toLowerCase()) ? [token.toLowerCase()] : camelWords(token)));
}

function camelWords(token: string): string[] {
  return token
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    // `HTMLParser` → `HTML Parser`. A lookahead, not `([A-Z]+)([A-Z][a-z])`: that backtracks
    // quadratically on a long run of capitals.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

export type TitleProblem = { kind: 'placeholder' } | { kind: 'generic' } | { kind: 'empty' };

/** Why a title is not a real app name, or null when it is one. */
export function checkTitle(title: string, genericWords: ReadonlySet<string>): TitleProblem | null {
  let check = titleChecks.get(genericWords);
  if (!check) titleChecks.set(genericWords, (check = byText((text) => titleProblem(text, genericWords))));
  return check(title);
}

/** One check per set of generic words (a project's), each keeping its verdicts by text. */
const titleChecks = new WeakMap<ReadonlySet<string>, (title: string) => TitleProblem | null>();

function titleProblem(title: string, genericWords: ReadonlySet<string>): TitleProblem | null {
  const trimmed = title.trim();
  if (trimmed === '') return { kind: 'empty' };
  // Template markers copied from docs: `<YOUR_SITE_NAME>`, `{{APP_NAME}}`, `[Your App]`, `YOUR_APP_NAME`; emptied
  // (`<>`) they still name nothing, as isPlaceholderReferer holds for referers.
  if (/^(?:<[^<>]*>|\{\{[^{}]*\}\}|\[[^[\]]*\]|\$\{[^{}]*\})$/.test(trimmed) || /^YOUR_[A-Z\d_]+$/.test(trimmed)) {
    return { kind: 'placeholder' };
  }
  const words = titleWords(trimmed, genericWords);
  if (words.length === 0) return null;
  if (!words.every((word) => genericWords.has(word) || /^\d+$/.test(word))) return null;
  // "Your App Name", "Your Site Title": the docs' wording, left unreplaced.
  return words.includes('your') ? { kind: 'placeholder' } : { kind: 'generic' };
}
