/** The Python pre-test: the words of a site, or a client imported beside a project module that names OpenRouter. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonProject } from './summaries.js';
import { importedModules, mayHoldPythonSite } from '../../src/analysis/python/pretest.js';

const MAIN = 'import requests\nfrom config import LLM_API_URL\n\nrequests.post(LLM_API_URL, json=payload)\n';

describe('mayHoldPythonSite', () => {
  it('passes a file naming a client, a completions path or an attribution header, whatever its path', () => {
    expect(mayHoldPythonSite('from openai import OpenAI\n')).toBe(true);
    expect(mayHoldPythonSite('url = base + "/chat/completions"\n')).toBe(true);
    expect(mayHoldPythonSite('import json\nprint(json.dumps({}))\n')).toBe(false);
  });

  it('passes a file importing a client and a project module that names OpenRouter', () => {
    const root = pythonProject({ 'svc/config.py': 'LLM_API_URL = "https://openrouter.ai/api/v1/chat/completions"\n', 'svc/main.py': MAIN });
    expect(mayHoldPythonSite(MAIN, path.join(root, 'svc/main.py'))).toBe(true);
    expect(mayHoldPythonSite(MAIN, null)).toBe(false);
    // Also in a package's folder: the analysis reads such a module when it binds the imported name.
    const inPackage = pythonProject({ 'svc/__init__.py': '', 'svc/config.py': 'LLM_API_URL = "https://openrouter.ai/api/v1/chat/completions"\n' });
    expect(mayHoldPythonSite(MAIN, path.join(inPackage, 'svc/main.py'))).toBe(true);
  });

  it('passes a file importing a client that loads a data file of the project naming OpenRouter, and no other', () => {
    const LOADS = 'import json\nfrom openai import OpenAI\nconfig = json.load(open("config.json"))\n';
    const root = pythonProject({ 'config.json': '{"base_url": "https://openrouter.ai/api/v1"}', 'other.json': '{"base_url": "https://api.example.com"}' });
    expect(mayHoldPythonSite(LOADS, path.join(root, 'main.py'))).toBe(true);
    expect(mayHoldPythonSite(LOADS.replace('config.json', 'other.json'), path.join(root, 'main.py'))).toBe(false);
    expect(mayHoldPythonSite(LOADS.replace('json.load(', 'read('), path.join(root, 'main.py'))).toBe(false);
    // Past eight names, the file is read without looking.
    expect(mayHoldPythonSite(`${LOADS.replace('config.json', 'other.json')}${'x = "a.json"\n'.repeat(8)}`, path.join(root, 'main.py'))).toBe(true);
  });

  it('does not pass it when the module names no OpenRouter, or the file imports no client', () => {
    const other = pythonProject({ 'svc/config.py': 'LLM_API_URL = "https://api.example.com/v1"\n' });
    expect(mayHoldPythonSite(MAIN, path.join(other, 'svc/main.py'))).toBe(false);
    const root = pythonProject({ 'svc/config.py': 'LLM_API_URL = "https://openrouter.ai/api/v1/chat/completions"\n' });
    expect(mayHoldPythonSite('import json\nfrom config import LLM_API_URL\nprint(LLM_API_URL)\n', path.join(root, 'svc/main.py'))).toBe(false);
  });
});

describe('mayHoldPythonSite: a file naming a client but no OpenRouter', () => {
  const CLIENT = 'from openai import OpenAI\nfrom config import BASE\n\nclient = OpenAI(base_url=BASE)\n';

  it('is skipped when no project module it reaches names OpenRouter, and read without its path', () => {
    const root = pythonProject({ 'config.py': 'from constants import HOST\nBASE = HOST + "/v1"\n', 'constants.py': 'HOST = "https://api.example.com"\n' });
    expect(mayHoldPythonSite(CLIENT, path.join(root, 'main.py'))).toBe(false);
    expect(mayHoldPythonSite('from openai import OpenAI\nclient = OpenAI(base_url=os.environ["LLM_URL"])\n', path.join(root, 'main.py'))).toBe(false);
    expect(mayHoldPythonSite(CLIENT, null)).toBe(true);
  });

  it('is read when a module its imports reach names OpenRouter, however deep', () => {
    const root = pythonProject({ 'config.py': 'from constants import HOST\nBASE = HOST + "/v1"\n', 'constants.py': 'HOST = "https://openrouter.ai/api"\n' });
    expect(mayHoldPythonSite(CLIENT, path.join(root, 'main.py'))).toBe(true);
  });

  it('follows `from . import name` to the submodule, imports after `;` and parenthesised lists', () => {
    const named = pythonProject({ 'app/__init__.py': '', 'app/settings.py': 'URL = "https://openrouter.ai/api/v1"\n' });
    expect(mayHoldPythonSite('from openai import OpenAI\nfrom . import settings\nOpenAI(base_url=settings.URL)\n', path.join(named, 'app/main.py'))).toBe(true);
    expect(mayHoldPythonSite('import os; import app.settings as s\nfrom openai import OpenAI\n', path.join(named, 'main.py'))).toBe(true);
    expect(mayHoldPythonSite('from openai import OpenAI\nfrom app import (\n    other,\n    settings,\n)\n', path.join(named, 'main.py'))).toBe(true);
  });

  it('is read when a class it defines is written on by a class of a file that names OpenRouter', () => {
    const BASE = 'from openai import OpenAI\nclass OpenAiLlm:\n    base_url = None\n    def setup(self):\n        self.client = OpenAI(base_url=self.base_url)\n';
    const subclassed = pythonProject({ 'llm/openrouter.py': 'from llm.base import OpenAiLlm\nclass OpenRouterLlm(OpenAiLlm):\n    base_url = "https://openrouter.ai/api/v1"\n' });
    expect(mayHoldPythonSite(BASE, path.join(subclassed, 'llm/base.py'))).toBe(true);
    const elsewhere = pythonProject({ 'llm/groq.py': 'from llm.base import OpenAiLlm\nclass GroqLlm(OpenAiLlm):\n    base_url = "https://api.groq.com/openai/v1"\n' });
    expect(mayHoldPythonSite(BASE, path.join(elsewhere, 'llm/base.py'))).toBe(false);
  });

  it('is read when the modules it reaches pass the bound, whatever they hold', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index++) files[`m${index}.py`] = `import m${index + 1}\n`;
    const root = pythonProject(files);
    expect(mayHoldPythonSite('from openai import OpenAI\nimport m0\n', path.join(root, 'main.py'))).toBe(true);
    const short = pythonProject({ 'm0.py': 'import m1\n', 'm1.py': 'X = 1\n' });
    expect(mayHoldPythonSite('from openai import OpenAI\nimport m0\n', path.join(short, 'main.py'))).toBe(false);
  });
});

describe('importedModules', () => {
  it('lists what the value reader may resolve', () => {
    expect(importedModules('import a.b as c, d\nfrom .x import (y as z,\n  w)\nfrom .. import cfg  # note\nfrom p import *\n')).toEqual(
      expect.arrayContaining(['a.b', 'd', '.x', '.x.y', '.x.w', '..', '..cfg', 'p']),
    );
  });
});
