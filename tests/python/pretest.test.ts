/** The Python pre-test: the words of a site, or a client imported beside a project module that names OpenRouter. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonProject } from './summaries.js';
import { mayHoldPythonSite } from '../../src/analysis/python/pretest.js';

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

  it('does not pass it when the module names no OpenRouter, or the file imports no client', () => {
    const other = pythonProject({ 'svc/config.py': 'LLM_API_URL = "https://api.example.com/v1"\n' });
    expect(mayHoldPythonSite(MAIN, path.join(other, 'svc/main.py'))).toBe(false);
    const root = pythonProject({ 'svc/config.py': 'LLM_API_URL = "https://openrouter.ai/api/v1/chat/completions"\n' });
    expect(mayHoldPythonSite('import json\nfrom config import LLM_API_URL\nprint(LLM_API_URL)\n', path.join(root, 'svc/main.py'))).toBe(false);
  });
});
