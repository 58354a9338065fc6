/** Constants imported from other modules of the project: read (never run), bounded, and told at the name that reads them. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { MAX_MODULES_PER_FILE } from '../../src/analysis/python/values.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { temporaryFolder } from '../temporary-folders.js';
import { pythonProject, sitesIn } from './summaries.js';

const CALL = 'OpenAI(base_url=BASE_URL, default_headers={"HTTP-Referer": REFERER, "X-Title": TITLE})';

describe('imported constants', () => {
  it('reads relative and absolute imports of the project, and module attributes', () => {
    const root = pythonProject({
      'app/__init__.py': '',
      'app/config.py': 'import os\nBASE_URL = "https://openrouter.ai/api/v1"\nREFERER = os.getenv("SITE_URL", "http://localhost:3000")\n',
      'app/settings/__init__.py': 'TITLE = "Acme"\n',
    });
    expect(sitesIn(root, 'app/client.py', `from openai import OpenAI\nfrom .config import BASE_URL, REFERER\nfrom app.settings import TITLE\n${CALL}\n`)).toEqual([
      { row: 'python-openai', line: 4, referer: ['<env:SITE_URL>', 'http://localhost:3000'], title: ['Acme'], categories: 'absent' },
    ]);
    expect(
      sitesIn(root, 'app/client.py', 'from openai import OpenAI\nfrom . import config\nfrom app import settings as s\nOpenAI(base_url=config.BASE_URL, default_headers={"X-Title": s.TITLE})\n'),
    ).toEqual([{ row: 'python-openai', line: 4, referer: 'absent', title: ['Acme'], categories: 'absent' }]);
  });

  it('reads a name a module imports everything from a module of the project for (`from config import *`)', () => {
    const root = pythonProject({ 'config.py': 'AI_BASE_URL = "https://openrouter.ai/api/v1/"\n_PRIVATE = "https://openrouter.ai/api/v1/"\n', 'other.py': 'AI_BASE_URL = "https://api.example.com/v1"\n' });
    const client = (star: string, name = 'AI_BASE_URL') => `from openai import OpenAI\n${star}\nclient = OpenAI(api_key=key, base_url=${name})\n`;
    expect(sitesIn(root, 'ai.py', client('from config import *'))).toEqual([{ row: 'python-openai', line: 3, referer: 'absent', title: 'absent', categories: 'absent' }]);
    // The last module imported from that binds the name gives it; a name with an underscore is not imported.
    expect(sitesIn(root, 'ai.py', client('from config import *\nfrom other import *'))).toEqual([]);
    expect(sitesIn(root, 'ai.py', client('from other import *\nfrom config import *'))).toHaveLength(1);
    expect(sitesIn(root, 'ai.py', client('from config import *', '_PRIVATE'))).toEqual([]);
  });

  it('reads a module beside a script, which Python finds first on the script\'s path', () => {
    const root = pythonProject({ 'services/review/config.py': 'import os\nLLM_API_URL = os.getenv("LLM_API_URL", "https://openrouter.ai/api/v1/chat/completions")\n' });
    const code = 'import requests\nfrom config import LLM_API_URL\nrequests.post(LLM_API_URL, headers={"Authorization": key}, json=payload)\n';
    expect(sitesIn(root, 'services/review/main.py', code)).toEqual([{ row: 'requests-request', line: 3, referer: 'absent', title: 'absent', categories: 'absent' }]);
    // Not from another folder: that module is not on the script's path.
    expect(sitesIn(root, 'services/other/main.py', code)).toEqual([]);
    // In a package, a module beside the file is read only when it binds the names imported from it: then the
    // program runs with that folder on its path. One that does not may be an installed package of that name.
    const inPackage = pythonProject({ 'llm/__init__.py': '', 'llm/config.py': 'LLM_API_URL = "https://openrouter.ai/api/v1/chat/completions"\n' });
    expect(sitesIn(inPackage, 'llm/main.py', code)).toEqual([{ row: 'requests-request', line: 3, referer: 'absent', title: 'absent', categories: 'absent' }]);
    const otherName = pythonProject({ 'llm/__init__.py': '', 'llm/config.py': 'API_URL = "https://openrouter.ai/api/v1/chat/completions"\n' });
    expect(sitesIn(otherName, 'llm/main.py', code)).toEqual([]);
    // A module named like a package is not imported by itself.
    const sdk = 'from openrouter import OpenRouter\nOpenRouter(api_key=key)\n';
    expect(sitesIn(root, 'services/review/openrouter.py', sdk)).toEqual([{ row: 'python-openrouter', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('reads a settings object imported from the project\'s config module', () => {
    const root = pythonProject({
      'config.py':
        'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    LLM_BASE_URL: str = "https://openrouter.ai/api/v1"\n    SITE_NAME: str = "LLM Project"\n\nsettings = Settings()\n',
    });
    expect(sitesIn(root, 'main.py', 'from openai import OpenAI\nfrom config import settings\nOpenAI(base_url=settings.LLM_BASE_URL, default_headers={"X-Title": settings.SITE_NAME})\n')).toEqual([
      { row: 'python-openai', line: 3, referer: 'absent', title: ['<env:SITE_NAME>', 'LLM Project'], categories: 'absent' },
    ]);
  });

  it('reports an imported value at the name that reads it, in the linted file', () => {
    const root = pythonProject({ 'app/config.py': 'REFERER = "https://acme.dev"\n' });
    const code = 'from openai import OpenAI\nfrom .config import REFERER\nOpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"HTTP-Referer": REFERER})\n';
    const [site] = findPythonSites(parsePython(code), path.join(root, 'app/client.py'));
    const referer = site!.fields.referer;
    const node = referer.state === 'present' ? referer.values[0]!.alternatives[0]!.node : null;
    expect(node).toMatchObject({ type: 'PythonName', range: [code.indexOf('REFERER})'), code.indexOf('REFERER})') + 7] });
  });

  it('reads a header dict and a client class of the project\'s own module as what they are', () => {
    const root = pythonProject({
      'app/headers.py': 'HEADERS = {"HTTP-Referer": "https://acme.dev"}\n',
      'app/openrouter.py': 'class OpenRouter:\n    pass\n',
    });
    expect(
      sitesIn(root, 'app/main.py', 'from openai import OpenAI\nfrom app.headers import HEADERS\nOpenAI(base_url="https://openrouter.ai/api/v1", default_headers=HEADERS)\n'),
    ).toEqual([{ row: 'python-openai', line: 3, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' }]);
    // `openrouter` here is the project's module, not the SDK.
    expect(sitesIn(root, 'main.py', 'from app.openrouter import OpenRouter\nOpenRouter()\n')).toEqual([]);
    const shadowing = pythonProject({ 'openrouter.py': 'class OpenRouter:\n    pass\n' });
    expect(sitesIn(shadowing, 'main.py', 'from openrouter import OpenRouter\nOpenRouter()\n')).toEqual([]);
  });

  it('does not follow imports out of the project, nor run anything', () => {
    const outside = temporaryFolder('openrouter-outside-');
    writeFileSync(path.join(outside, 'secrets.py'), 'REFERER = "https://outside.dev"\n');
    const root = pythonProject({ 'app/__init__.py': '' });
    expect(sitesIn(root, 'app/main.py', `from openai import OpenAI\nfrom ...${path.basename(outside)}.secrets import REFERER\nOpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"HTTP-Referer": REFERER})\n`)).toEqual([
      { row: 'python-openai', line: 3, referer: ['<?REFERER>'], title: 'absent', categories: 'absent' },
    ]);
  });

  it(`reads at most ${MAX_MODULES_PER_FILE} modules for one file`, () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < MAX_MODULES_PER_FILE + 2; index++) files[`app/m${index}.py`] = `V = "v${index}"\n`;
    const root = pythonProject(files);
    const names = Object.keys(files).map((_, index) => `m${index}`);
    const code = `from openai import OpenAI\n${names.map((name) => `from .${name} import V as ${name.toUpperCase()}`).join('\n')}\nOpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"X-Title": ${names.map((name) => name.toUpperCase()).join(' + ')}})\n`;
    const [site] = sitesIn(root, 'app/main.py', code) as { title: string[] }[];
    const title = site!.title[0]!;
    expect(title.startsWith('v0v1v2v3v4v5v6v7')).toBe(true);
    expect(title).toContain('<?M8>');
  });

  it('does not read a module past 128 KiB', () => {
    const root = pythonProject({ 'app/config.py': `REFERER = "https://acme.dev"\n${'#'.repeat(130 * 1024)}\n` });
    expect(sitesIn(root, 'app/main.py', 'from openai import OpenAI\nfrom .config import REFERER\nOpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"HTTP-Referer": REFERER})\n')).toEqual([
      { row: 'python-openai', line: 3, referer: ['<?REFERER>'], title: 'absent', categories: 'absent' },
    ]);
  });
});
