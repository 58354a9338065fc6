/**
 * The Python inputs of `npm run attack`: each a `client.py` of one class of hostile shape, linted with the
 * Python language against parsing it with that language and no rules.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const CLIENT = 'from openai import OpenAI\n';
const URL = '"https://openrouter.ai/api/v1"';

export function pythonAttackInputs(scale) {
  const deep = 5000 * scale;
  const lines = 100_000 * scale;
  const chain = 10_000 * scale;
  // As many requests as the JavaScript inputs make: each is a site, reported.
  const reads = 3_000 * scale;
  const functions = 300 * scale;
  const modules = 1_500 * scale;
  return [
    {
      name: `Python: a ${lines}-line file with one OpenRouter client`,
      class: 'python',
      filename: 'client.py',
      code: `${CLIENT}${Array.from({ length: lines }, (_, index) => `value_${index} = compute(${index}, "x")`).join('\n')}\nclient = OpenAI(base_url=${URL})\n`,
    },
    {
      name: `Python: brackets, dicts and calls nested ${deep} deep around a client`,
      class: 'python',
      filename: 'client.py',
      code: `${CLIENT}client = OpenAI(base_url=${URL}, default_headers=${'{"k": '.repeat(deep)}1${'}'.repeat(deep)})\nx = ${'f('.repeat(deep)}1${')'.repeat(deep)}\n`,
    },
    {
      name: `Python: a dict merge chain of ${chain} into the headers`,
      class: 'python',
      filename: 'client.py',
      code: `${CLIENT}h0 = {"X-A": "a"}\n${Array.from({ length: chain }, (_, index) => `h${index + 1} = {**h${index}, "X-${index}": "v"} | h${index}`).join('\n')}\nclient = OpenAI(base_url=${URL}, default_headers=h${chain})\n`,
    },
    {
      name: `Python: a provider dict read at ${reads} keys the code does not tell`,
      class: 'python',
      filename: 'client.py',
      code: `import requests\nP = {${Array.from({ length: 7 }, (_, index) => `"p${index}": {"url": "https://h${index}.example/v1"}, `).join('')}"openrouter": {"url": ${URL}}}\ndef send(name, key):\n${Array.from({ length: reads }, (_, index) => `    requests.post(P[name]["url"] + "/chat/completions", headers={"Authorization": key, "X-N": "${index}"}, json={})`).join('\n')}\n`,
    },
    {
      name: `Python: an f-string chain of ${chain} pieces into the referer`,
      class: 'python',
      filename: 'client.py',
      code: `${CLIENT}r0 = "https://acme.dev"\n${Array.from({ length: chain }, (_, index) => `r${index + 1} = f"{r${index}}/{r${index}}"`).join('\n')}\nclient = OpenAI(base_url=${URL}, default_headers={"HTTP-Referer": r${chain}})\n`,
    },
    {
      name: `Python: ${chain / 5} requests sharing one headers dict of placeholders`,
      class: 'python',
      filename: 'client.py',
      code: `import requests\nH = {"HTTP-Referer": "<YOUR_SITE_URL>", "X-Title": "<YOUR_SITE_NAME>"}\n${Array.from({ length: chain / 5 }, (_, index) => `requests.post("https://openrouter.ai/api/v1/chat/completions", headers=H, json={"i": ${index}})`).join('\n')}\n`,
    },
    {
      name: 'Python: eight imported modules of 128 KiB each',
      class: 'python',
      filename: 'client.py',
      code: `${CLIENT}${Array.from({ length: 8 }, (_, index) => `from .m${index} import H${index}`).join('\n')}\nclient = OpenAI(base_url=${URL}, default_headers={${Array.from({ length: 8 }, (_, index) => `**H${index}`).join(', ')}})\n`,
      prepare: (root) => {
        writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "attack"\n');
        for (let index = 0; index < 8; index++) {
          const padding = Array.from({ length: 3000 }, (_, line) => `c_${line} = ${line}`).join('\n');
          writeFileSync(path.join(root, 'src', `m${index}.py`), `H${index} = {"X-M${index}": "v"}\n${padding}\n`.slice(0, 128 * 1024));
        }
      },
    },
    {
      name: `Python: ${functions} public functions whose parameters reach a request, in a project of ${modules} modules that call them`,
      class: 'python',
      filename: 'client.py',
      // Each parameter read asks the project for the function's calls: the searches are paid from the file's budget.
      code: `import requests\n${Array.from({ length: functions }, (_, index) => `def send${index}(path, key):\n    return requests.post(f"https://openrouter.ai/api/v1{path}", headers={"Authorization": key}, json={})\n`).join('')}`,
      prepare: (root) => {
        writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "attack"\n');
        for (let index = 0; index < modules; index++) {
          writeFileSync(path.join(root, 'src', `caller${index}.py`), `from .client import send${index % functions}\nsend${index % functions}("/chat/completions", "k")\n`);
        }
      },
    },
    {
      name: `Python: ${functions} requests forwarding **kwargs, in a project of ${modules} data files of 64 KiB that spell no attribution`,
      class: 'python',
      filename: 'client.py',
      // Whether any file spells attribution is asked once per project, its data read up to a bound.
      code: `from openai import OpenAI\nclient = OpenAI(base_url=${URL})\n${Array.from({ length: functions }, (_, index) => `def ask${index}(messages, **kwargs):\n    return client.chat.completions.create(model="m", messages=messages, **kwargs)\n`).join('')}`,
      prepare: (root) => {
        writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "attack"\n');
        const data = JSON.stringify(Array.from({ length: 4000 }, (_, index) => ({ id: index, text: 'lorem ipsum dolor' }))).slice(0, 64 * 1024);
        for (let index = 0; index < modules; index++) writeFileSync(path.join(root, 'src', `data${index}.json`), data);
      },
    },
  ];
}
