/** The Python evaluator through the referer and title a client sends: strings, names, env reads, dicts and their merges. */
import { describe, expect, it } from 'vitest';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { pythonNode } from '../../src/analysis/python/nodes.js';
import { fieldSummary, sitesOf } from './summaries.js';

const CLIENT = 'from openai import OpenAI\nimport os\n';
const BASE = 'base_url="https://openrouter.ai/api/v1"';

/** The referer and title of the one site `code` builds with `headers` (an expression) as its default_headers. */
function sent(code: string, headers = 'h'): { referer: unknown; title: unknown } {
  const [site] = sitesOf(`${CLIENT}${code}\nOpenAI(${BASE}, default_headers=${headers})\n`) as { referer: unknown; title: unknown }[];
  return { referer: site!.referer, title: site!.title };
}

describe('strings', () => {
  it('reads every prefix, implicit concatenation, triple quotes and escapes', () => {
    expect(sent(`h = {"HTTP-Referer": r"https://a" 'cme' """.dev""", "X-Title": "A\\x63me\\u00e9"}`)).toEqual({ referer: ['https://acme.dev'], title: ['Acmeé'] });
    expect(sent(`h = {"HTTP-Referer": u'https://acme.dev', "X-Title": R"\\n"}`)).toEqual({ referer: ['https://acme.dev'], title: ['\\n'] });
  });

  it('makes f-string fields the field\'s values, or holes when a conversion or format spec changes the text', () => {
    expect(sent(`host = "acme.dev"\nh = {"HTTP-Referer": f"https://{host}/{{x}}", "X-Title": f"{name!r}"}`)).toEqual({ referer: ['https://acme.dev/{x}'], title: ['<?>'] });
    expect(sent(`h = {"HTTP-Referer": f"https://{os.environ['HOST']}"}`).referer).toEqual(['https://<env:HOST>']);
  });

  it('reads +, .format() and %s', () => {
    expect(sent(`scheme = "https://"\nh = {"HTTP-Referer": scheme + "acme" + ".dev", "X-Title": "{} {name}".format("Acme", name="AI")}`)).toEqual({ referer: ['https://acme.dev'], title: ['Acme AI'] });
    expect(sent(`h = {"HTTP-Referer": "https://%s.dev" % "acme", "X-Title": "%d" % 3}`)).toEqual({ referer: ['https://acme.dev'], title: ['<?>'] });
  });

  it('gives env reads their fallbacks as values, and `or` its literal', () => {
    expect(sent(`h = {"HTTP-Referer": os.getenv("SITE_URL", "http://localhost:3000"), "X-Title": os.environ.get("APP") or "Acme"}`)).toEqual({
      referer: ['<env:SITE_URL>', 'http://localhost:3000'],
      title: ['<env:APP>', 'Acme'],
    });
    expect(sent(`from os import getenv, environ\nh = {"HTTP-Referer": getenv("SITE_URL"), "X-Title": environ["APP"]}`)).toEqual({ referer: ['<env:SITE_URL>'], title: ['<env:APP>'] });
  });

  it("gives a mapping's .get(key, fallback) what it may hold under the key or the fallback, when the code does not spell it", () => {
    expect(sent(`def build(config):\n    h = {"HTTP-Referer": config.get("site_url", "http://localhost:3000"), "X-Title": settings["llm"].get("title", "Acme")}\n    return h\nh = build({})`)).toEqual({
      referer: ['<?site_url>', 'http://localhost:3000'],
      title: ['<?title>', 'Acme'],
    });
    // A dict the code spells gives its entry, not a hole beside the fallback.
    expect(sent(`conf = {"site": "https://acme.dev"}\nh = {"HTTP-Referer": conf.get("site", "http://localhost:3000")}`).referer).toEqual(['https://acme.dev']);
  });

  it('gives a conditional expression both branches', () => {
    expect(sent(`h = {"HTTP-Referer": "https://acme.dev" if prod else "http://localhost:8000"}`).referer).toEqual(['https://acme.dev', 'http://localhost:8000']);
  });
});

describe('names', () => {
  it('reads every assignment of a name, the function\'s before the module\'s', () => {
    expect(sent(`REF = "https://module.dev"\nif x:\n    REF = "https://other.dev"\nh = {"HTTP-Referer": REF}`).referer).toEqual(['https://module.dev', 'https://other.dev']);
    const [site] = sitesOf(`${CLIENT}REF = "https://module.dev"\ndef f():\n    REF = "https://local.dev"\n    return OpenAI(${BASE}, default_headers={"HTTP-Referer": REF})\n`) as { referer: unknown }[];
    expect(site!.referer).toEqual(['https://local.dev']);
  });

  it('does not know a name assigned in a loop from the loop, or from itself, or augmented', () => {
    expect(sent(`for r in refs:\n    REF = r\nh = {"HTTP-Referer": REF}`).referer).toEqual(['<?r>']);
    expect(sent(`REF = "https://acme.dev"\nfor part in parts:\n    REF = REF + "/x"\nh = {"HTTP-Referer": REF}`).referer).toEqual(['<?REF>']);
    expect(sent(`REF = "https://acme.dev"\nREF += "/x"\nh = {"HTTP-Referer": REF}`).referer).toEqual(['<?REF>']);
  });

  it('reads a value a loop assigns on every pass', () => {
    const [site] = sitesOf(`${CLIENT}import requests
for model in models:
    headers = {"Authorization": key, "X-Title": "Acme"}
    requests.post("https://openrouter.ai/api/v1/chat/completions", headers=headers, json={"model": model})
`) as { referer: unknown; title: unknown }[];
    expect(site).toMatchObject({ referer: 'absent', title: ['Acme'] });
  });

  it('takes a parameter\'s default as one value beside whatever a caller passes', () => {
    const [site] = sitesOf(`${CLIENT}def make(referer="https://acme.dev", title=None):\n    return OpenAI(${BASE}, default_headers={"HTTP-Referer": referer, "X-Title": title})\n`) as { referer: unknown; title: unknown }[];
    expect(site!.referer).toEqual(['https://acme.dev', '<?referer>']);
    expect(site!.title).toEqual(['<?>', '<?title>']);
  });

  it('reads what a helper of the module returns', () => {
    expect(sent(`def headers():\n    return {"HTTP-Referer": "https://acme.dev"}`, 'headers()').referer).toEqual(['https://acme.dev']);
  });

  it('underlines a known literal where it is written', () => {
    const parse = parsePython(`${CLIENT}REF = "https://acme.dev"\nOpenAI(${BASE}, default_headers={"HTTP-Referer": REF})\n`);
    const [site] = findPythonSites(parse, null);
    const state = site!.fields.referer;
    expect(state.state).toBe('present');
    const alternative = state.state === 'present' ? state.values[0]!.alternatives[0]! : null;
    expect(alternative!.node).toMatchObject({ type: 'PythonString', loc: { start: { line: 3, column: 6 }, end: { line: 3, column: 24 } } });
    // One object per range and kind: the rules dedupe alternatives by node identity.
    expect(alternative!.node).toBe(pythonNode(parse, 42, 60, 'PythonString'));
  });
});

describe('global and nonlocal', () => {
  it('binds a name a function declares global in the module, so the module\'s value is not the only one', () => {
    expect(sent(`REFERER = "https://acme.dev"\ndef configure(url):\n    global REFERER\n    REFERER = url\nh = {"HTTP-Referer": REFERER}`).referer).toEqual(['https://acme.dev', '<?url>']);
    expect(sent(`def outer():\n    site = "https://a.dev"\n    def inner():\n        nonlocal site\n        site = "https://b.dev"\n    return {"HTTP-Referer": site}\nh = outer()`).referer).toEqual(['https://a.dev', 'https://b.dev']);
  });
});

describe('string methods', () => {
  it('takes characters off the ends strip(), rstrip() and lstrip() name', () => {
    expect(sent(`h = {"HTTP-Referer": " https://acme.dev/ ".strip(), "X-Title": "--Acme--".rstrip("-")}`)).toEqual({ referer: ['https://acme.dev/'], title: ['--Acme'] });
    expect(sent(`h = {"HTTP-Referer": os.getenv("SITE", "https://acme.dev//").rstrip("/"), "X-Title": "..Acme".lstrip(".")}`)).toEqual({ referer: ['<env:SITE>', 'https://acme.dev'], title: ['Acme'] });
  });

  it('does not know characters it cannot read', () => {
    expect(sent(`h = {"HTTP-Referer": "https://acme.dev/".rstrip(chars)}`).referer).toEqual(['<?>']);
  });
});

describe('fields of a class', () => {
  it('reads what the class writes to self.x, in its body or any method', () => {
    expect(
      sitesOf(`import requests
class Client:
    TITLE = "Acme"
    def __init__(self, base_url="https://openrouter.ai/api/v1"):
        self.base_url = base_url
        self.headers = {"HTTP-Referer": "https://acme.dev", "X-Title": self.TITLE}
    def ask(self, body):
        return requests.post(f"{self.base_url}/chat/completions", headers=self.headers, json=body)
`),
    ).toEqual([{ row: 'requests-request', line: 8, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' }]);
  });

  it('does not know a field dict the class writes keys into, nor a field it does not write', () => {
    const [site] = sitesOf(`import requests
class Client(Base):
    def __init__(self):
        self.headers = {"X-Title": "Acme"}
        if x:
            self.headers["Authorization"] = key
    def ask(self):
        return requests.post("https://openrouter.ai/api/v1/chat/completions", headers=self.headers, timeout=self.timeout)
`) as { referer: unknown; title: unknown }[];
    expect(site).toMatchObject({ referer: 'unknown', title: ['Acme'] });
    expect(sitesOf(`import requests
class C(Base):
    def ask(self):
        requests.post("https://openrouter.ai/api/v1/chat/completions", headers=self.headers)
`)).toEqual([
      { row: 'requests-request', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' },
    ]);
  });
});

describe('attributes of a class and of a settings object', () => {
  it('reads a class attribute, and the default of an instance built with no arguments', () => {
    expect(sent(`class Config:\n    REFERER = "https://acme.dev"\nh = {"HTTP-Referer": Config.REFERER}`).referer).toEqual(['https://acme.dev']);
    expect(sent(`class Config:\n    REFERER: str = "https://acme.dev"\nconfig = Config()\nh = {"HTTP-Referer": config.REFERER}`).referer).toEqual(['https://acme.dev']);
  });

  it('gives a pydantic BaseSettings field the environment first and its default beneath', () => {
    const settings = `from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    SITE_URL: str = "http://localhost:3000"\n    SITE_NAME: str = "LLM Project"\n`;
    expect(sent(`${settings}settings = Settings(_env_file=".env")\nh = {"HTTP-Referer": settings.SITE_URL, "X-Title": settings.SITE_NAME}`)).toEqual({
      referer: ['<env:SITE_URL>', 'http://localhost:3000'],
      title: ['<env:SITE_NAME>', 'LLM Project'],
    });
  });

  it('does not know an attribute something else may set', () => {
    const plain = `class Config:\n    REFERER = "https://acme.dev"\n`;
    // Built with arguments, or with an __init__ of its own.
    expect(sent(`${plain}config = Config(referer)\nh = {"HTTP-Referer": config.REFERER}`).referer).toEqual(['<?REFERER>']);
    expect(sent(`class Config:\n    REFERER = "https://acme.dev"\n    def __init__(self, r):\n        self.REFERER = r\nconfig = Config()\nh = {"HTTP-Referer": config.REFERER}`).referer).toEqual(['<?REFERER>']);
    // Written in the file, or not assigned in the class body.
    expect(sent(`${plain}Config.REFERER = other\nh = {"HTTP-Referer": Config.REFERER}`).referer).toEqual(['<?REFERER>']);
    expect(sent(`${plain}h = {"HTTP-Referer": Config.URL}`).referer).toEqual(['<?URL>']);
    // A settings field passed to the constructor.
    expect(sent(`from pydantic_settings import BaseSettings\nclass S(BaseSettings):\n    URL: str = "https://acme.dev"\ns = S(URL=u)\nh = {"HTTP-Referer": s.URL}`).referer).toEqual(['<?URL>']);
  });
});

describe('dicts', () => {
  it('reads ** merges, dict(a, **b), a | b and {**a, "k": v}', () => {
    expect(sent(`a = {"HTTP-Referer": "https://acme.dev"}\nb = {"X-Title": "Acme"}\nh = dict(a, **b)`)).toEqual({ referer: ['https://acme.dev'], title: ['Acme'] });
    expect(sent(`a = {"HTTP-Referer": "https://acme.dev"}\nh = a | {"X-Title": "Acme"}`)).toEqual({ referer: ['https://acme.dev'], title: ['Acme'] });
    expect(sent(`a = {"HTTP-Referer": "https://old.dev"}\nh = {**a, "http-referer": "https://acme.dev"}`).referer).toEqual(['https://acme.dev']);
    expect(sent(`h = dict(Authorization="Bearer x")`)).toEqual({ referer: 'absent', title: 'absent' });
  });

  it('reads keys assigned after creation, also inside if, and update()', () => {
    expect(sent(`h = {}\nh["HTTP-Referer"] = "https://acme.dev"\nif debug:\n    h["X-Title"] = "Acme"`)).toEqual({ referer: ['https://acme.dev'], title: ['Acme'] });
    expect(sent(`h = {"X-Title": "Old"}\nh.update({"X-Title": "Acme"})`).title).toEqual(['Acme']);
    expect(sent(`h = {"X-Title": "Acme"}\nif x:\n    h["X-Title"] = "Other"`).title).toEqual(['Acme', 'Other']);
  });

  it('does not know what an unreadable merge or key write may add', () => {
    expect(sent(`h = {**extra, "X-Title": "Acme"}`)).toEqual({ referer: 'unknown', title: ['Acme'] });
    expect(sent(`h = {}\nh[key] = value`)).toEqual({ referer: 'unknown', title: 'unknown' });
    expect(sent(`h = {}\nh.update(build())`)).toEqual({ referer: 'unknown', title: 'unknown' });
    expect(sent(``, 'get_headers()')).toEqual({ referer: 'unknown', title: 'unknown' });
  });

  it('reads a dict and a call whose lines end in comments, as the docs\' samples are written', () => {
    const [site] = sitesOf(`${CLIENT}OpenAI(  # a client
    ${BASE},  # the base
    default_headers={
        "HTTP-Referer": "https://acme.dev", # Optional. Site URL
        "X-Title": "Acme", # Optional. Site title
    },
)
`);
    expect(site).toMatchObject({ referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' });
  });

  it('reads both dicts a conditional may be', () => {
    expect(sent(`h = {"HTTP-Referer": "https://a.dev"} if x else {"HTTP-Referer": "https://b.dev"}`).referer).toEqual(['https://a.dev', 'https://b.dev']);
  });
});

describe('names tested by an if', () => {
  it('reads no empty text for a name under `if name:`, unless the body assigns it or it is read in the else', () => {
    const head = 'site = os.getenv("SITE", "")\nh = {}\n';
    expect(sent(`${head}if site:\n    h["HTTP-Referer"] = site`).referer).toEqual(['<env:SITE>']);
    expect(sent(`${head}if site and os.getenv("ON"):\n    h["HTTP-Referer"] = site`).referer).toEqual(['<env:SITE>']);
    expect(sent(`${head}if site:\n    site = ""\n    h["HTTP-Referer"] = site`).referer).toEqual(['']);
    expect(sent(`${head}if site:\n    pass\nelse:\n    h["HTTP-Referer"] = site`).referer).toEqual(['<env:SITE>', '']);
    expect(sent(`${head}h["HTTP-Referer"] = site`).referer).toEqual(['<env:SITE>', '']);
  });

  it('reads no empty text for an attribute under `if Config.SITE:`, as for a name', () => {
    const head = 'class Config:\n    SITE = os.getenv("SITE", "")\nh = {}\n';
    expect(sent(`${head}if Config.SITE:\n    h["HTTP-Referer"] = Config.SITE`).referer).toEqual(['<env:SITE>']);
    expect(sent(`${head}if Config.OTHER:\n    h["HTTP-Referer"] = Config.SITE`).referer).toEqual(['<env:SITE>', '']);
  });
});

describe('entries of a dict', () => {
  const TABLE = 'PROVIDERS = {\n    "chutes": {"url": "https://llm.chutes.ai/v1", "title": "Chutes"},\n    "openrouter": {"url": "https://openrouter.ai/api/v1", "title": "Acme"},\n}\n';
  const client = (before: string, base: string) => sitesOf(`${CLIENT}${TABLE}def ask(key_info):\n${before}    return OpenAI(base_url=${base})\n`);

  it('reads the entry a key names, through [], .get() and copy.deepcopy()', () => {
    expect(client('', 'PROVIDERS["openrouter"]["url"]')).toHaveLength(1);
    expect(client('    import copy\n    config = copy.deepcopy(PROVIDERS.get("openrouter"))\n', 'config["url"]')).toHaveLength(1);
    expect(client('', 'PROVIDERS["chutes"]["url"]')).toEqual([]);
    // A key the dict lacks: `.get` gives its fallback.
    expect(client('', 'PROVIDERS.get("other", {"url": "https://openrouter.ai/api/v1"})["url"]')).toHaveLength(1);
  });

  it('reads every entry at a key the code does not tell, unless the code compares the key with a text', () => {
    expect(client('    name = key_info.get("provider")\n', 'PROVIDERS[name]["url"]')).toHaveLength(1);
    expect(client('    name = key_info.get("provider")\n    if name == "chutes":\n        pass\n', 'PROVIDERS[name]["url"]')).toEqual([]);
    expect(client('    name = key_info.get("provider")\n    if name in ("chutes",):\n        pass\n', 'PROVIDERS[name]["url"]')).toEqual([]);
    expect(client('    name = key_info.get("provider")\n    if "chutes" != name:\n        pass\n', 'PROVIDERS[name]["url"]')).toEqual([]);
    // Keys the dict may hold beyond those it shows: any of them may be read.
    expect(client('    PROVIDERS.update(key_info)\n    name = key_info.get("provider")\n', 'PROVIDERS[name]["url"]')).toEqual([]);
  });
});

describe('field summaries', () => {
  it('tells absent and unknown apart', () => {
    expect(fieldSummary({ state: 'absent' })).toBe('absent');
    expect(fieldSummary({ state: 'unknown' })).toBe('unknown');
  });
});
