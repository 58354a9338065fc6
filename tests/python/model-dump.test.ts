/** `**options.model_dump()` of a project's pydantic model: the model's fields are the keywords, and no others. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { pythonProject, sitesOf, siteSummary, SPELLS_ATTRIBUTION } from './summaries.js';

const SCHEMAS = (options: string, extra = '') => `from pydantic import BaseModel, Field
class Options(BaseModel):${extra}
${options}
class Request(BaseModel):
    prompt: str
    options: Options = Field(default_factory=Options)
`;

const SERVICE = (dump = 'model_dump(exclude_unset=True)') => `from openai import OpenAI
from app.schemas import Request
client = OpenAI(base_url="https://openrouter.ai/api/v1")
def ask(request: Request):
    options = request.options.${dump}
    return client.chat.completions.create(model="m", messages=[], **options)
`;

function sitesIn(root: string, code: string): object[] {
  return findPythonSites(parsePython(code), path.join(root, 'app/service.py')).map(siteSummary);
}

describe('a pydantic model dumped into a call', () => {
  it('passes the model\'s fields, none of them attribution', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/schemas.py': SCHEMAS('    temperature: float | None = None\n    max_tokens: int = 100\n    _cache: dict = {}') });
    expect(sitesIn(root, SERVICE())).toEqual([{ row: 'python-openai', line: 3, referer: 'absent', title: 'absent', categories: 'absent' }]);
    const local = `from pydantic import BaseModel\nfrom openai import OpenAI\nclass Options(BaseModel):\n    temperature: float = 0\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\nopts = Options(temperature=1)\nclient.chat.completions.create(model="m", messages=[], **opts.dict())\n`;
    expect(sitesOf(local)).toEqual([{ row: 'python-openai', line: 5, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('does not know what a model with an attribution field, extra keys or renamed keys passes', () => {
    const unknown = [{ row: 'python-openai', line: 3, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 6, referer: 'unknown', title: 'unknown' }] }];
    for (const [schemas, dump] of [
      [SCHEMAS('    temperature: float = 0\n    extra_headers: dict | None = None'), undefined],
      [SCHEMAS('    temperature: float = 0\n    model_config = {"extra": "allow"}'), undefined],
      [SCHEMAS('    temperature: float = 0\n    class Config:\n        extra = "allow"'), undefined],
      [SCHEMAS('    temperature: float = 0'), 'model_dump(by_alias=True)'],
      [SCHEMAS('    temperature: float = 0').replace('class Options(BaseModel)', 'class Options(Base)'), undefined],
    ] as const) {
      const root = pythonProject({ 'app/__init__.py': '', 'app/schemas.py': schemas, ...SPELLS_ATTRIBUTION });
      expect(sitesIn(root, SERVICE(dump))).toEqual(unknown);
    }
  });
});
