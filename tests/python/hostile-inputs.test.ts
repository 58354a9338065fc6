/** Python written to hurt: each input ends in bounded time without throwing, with holes where the bounds cut it short. */
import { describe, expect, it } from 'vitest';
import { sitesOf } from './summaries.js';

const HEAD = 'from openai import OpenAI\nimport requests\n';
const CLIENT = 'OpenAI(base_url="https://openrouter.ai/api/v1", default_headers=';
/** Well above the second or two these take here, so a slow shared machine does not fail them; a loss of the bounds takes far longer. */
const LIMIT_MS = 5_000;

function timed(code: string): { sites: object[]; ms: number } {
  const start = performance.now();
  const sites = sitesOf(code);
  return { sites, ms: performance.now() - start };
}

describe('hostile Python input', () => {
  it('a 100,000-line file', () => {
    const { sites, ms } = timed(`${HEAD}${'x = "a"\n'.repeat(100_000)}${CLIENT}{"HTTP-Referer": "https://acme.dev"})\n`);
    expect(sites).toEqual([{ row: 'python-openai', line: 100_003, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' }]);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('5,000-deep nesting of parentheses, dicts, calls and blocks', () => {
    const inputs = [
      `${HEAD}h = ${'('.repeat(5000)}{"X-Title": "t"}${')'.repeat(5000)}\n${CLIENT}h)\n`,
      `${HEAD}h = ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}\n${CLIENT}h)\n`,
      `${HEAD}${CLIENT}${'f('.repeat(5000)}${')'.repeat(5000)})\n`,
      `${HEAD}${Array.from({ length: 5000 }, (_, depth) => `${' '.repeat(depth)}if x:\n`).join('')}${' '.repeat(5000)}${CLIENT}{})\n`,
    ];
    for (const code of inputs) {
      const { sites, ms } = timed(code);
      expect(sites).toHaveLength(1);
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('a dict merge chain of 10,000, by names and by operators', () => {
    const names = `${HEAD}h0 = {"HTTP-Referer": "https://acme.dev"}\n${Array.from({ length: 10_000 }, (_, i) => `h${i + 1} = {**h${i}, "k${i}": "v"}\n`).join('')}${CLIENT}h10000)\n`;
    const operators = `${HEAD}h = ${Array.from({ length: 10_000 }, (_, i) => `{"k${i}": "v"}`).join(' | ')}\n${CLIENT}h)\n`;
    for (const code of [names, operators]) {
      const { sites, ms } = timed(code);
      // Past the depth bound the merge is not known: silent, not wrong.
      expect(sites).toEqual([{ row: 'python-openai', line: expect.any(Number), referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('a 10,000-piece f-string chain, by + and by names', () => {
    const plus = `${HEAD}r = ${Array.from({ length: 10_000 }, (_, i) => `f"a{y${i}}"`).join(' + ')}\n${CLIENT}{"HTTP-Referer": r})\n`;
    const chained = `${HEAD}r0 = "https://acme.dev"\n${Array.from({ length: 10_000 }, (_, i) => `r${i + 1} = f"{r${i}}/x"\n`).join('')}${CLIENT}{"HTTP-Referer": r10000})\n`;
    for (const code of [plus, chained]) {
      const { sites, ms } = timed(code);
      const [site] = sites as { referer: string[] }[];
      expect(site!.referer).toHaveLength(1);
      // The start the bounds could not reach is a hole.
      expect(site!.referer[0]!.startsWith('<?')).toBe(true);
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('thousands of clients and of calls through them', () => {
    const code = `${HEAD}${'c = OpenAI(base_url="https://openrouter.ai/api/v1")\n'.repeat(3000)}${'c.chat.completions.create(extra_headers={"X-Title": "t"})\n'.repeat(10_000)}${'s = requests.Session()\n'.repeat(500)}${'s.post("https://openrouter.ai/api/v1/chat/completions")\n'.repeat(5000)}`;
    const { sites, ms } = timed(code);
    // `c` and `s` are bound many times: each call is through the last assignment before it, the 10,000
    // `create` calls through the last client (requests of that site), the 5,000 posts through the last session.
    expect(sites).toHaveLength(8000);
    const clients = sites.filter((site) => (site as { row: string }).row === 'python-openai') as { requests?: unknown[] }[];
    expect(clients).toHaveLength(3000);
    expect(clients.map((client) => client.requests?.length ?? 0).filter((count) => count > 0)).toEqual([10_000]);
    expect(sites.filter((site) => (site as { row: string }).row !== 'python-openai')).toHaveLength(5000);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('thousands of routers sharing a list of thousands of deployments, each router wrapped and called with headers', () => {
    const deployments = Array.from({ length: 3000 }, (_, index) => `{"model_name": "m${index}", "litellm_params": {"model": "openai/x", "api_base": "https://openrouter.ai/api/v1"}}`).join(',\n');
    const routers = Array.from({ length: 3000 }, (_, index) => `r${index} = Router(model_list=L)\nc${index} = instructor.from_litellm(r${index}.completion)\nr${index}.completion(model="m", messages=[], extra_headers=h)\n`).join('');
    const { sites, ms } = timed(`import instructor\nfrom litellm import Router\nL = [${deployments}]\n${routers}`);
    // Past the calls followed per list, what the requests pass is not known: no deployment is reported.
    expect(sites).toHaveLength(3000);
    expect(sites.every((site) => (site as { referer: unknown }).referer === 'unknown')).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('unterminated strings, stray brackets and half-written calls', () => {
    const { sites, ms } = timed(`${HEAD}x = "abc\ny = f"{\n${CLIENT}{"HTTP-Referer": """never closed\n]]]]) def (:\n`);
    // The call is still found; what its broken dict holds is not known.
    expect(sites).toEqual([{ row: 'python-openai', line: 5, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
