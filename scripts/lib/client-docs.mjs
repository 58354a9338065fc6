/**
 * The "Supported clients" table of the docs, generated from the client table (src/analysis/clients/rows.ts)
 * so the two cannot drift: one line per client, grouping the rows that share a label. Shared by
 * `npm run update:docs` (scripts/update-client-docs.mjs) and tests/client-docs.test.ts.
 */

export const BEGIN_MARKER = '<!-- begin clients -->';
export const END_MARKER = '<!-- end clients -->';
export const UPDATE_COMMAND = 'npm run update:docs';

const code = (text) => `\`${text}\``;
const list = (items) => [...new Set(items)].join(', ');
/** Table cells hold no bare pipes. */
const cell = (text) => text.replace(/\|/g, '\\|');

/** Exports that are not names a caller writes. */
const UNNAMED = new Set(['default', 'module.exports']);

/** `openai` (`OpenAI`, default, `require()`), the global `fetch`. */
function describeSource(source) {
  if ('global' in source) return `the global ${code(source.global)}`;
  const named = source.exports.filter((name) => !UNNAMED.has(name)).map(code);
  if (source.exports.includes('default')) named.push('default');
  if (source.exports.includes('module.exports')) named.push('`require()`');
  return `${code(source.module)} (${named.join(', ')})`;
}

/** The names a call is written with: the named exports, else the globals, else the label. */
function calleeNames(row) {
  const named = row.sources.flatMap((source) => ('module' in source ? source.exports.filter((name) => !UNNAMED.has(name)) : []));
  const globals = row.sources.flatMap((source) => ('global' in source ? [source.global] : []));
  const names = named.length > 0 ? named : globals;
  return names.length > 0 ? [...new Set(names)] : [row.label];
}

/** What a request's argument at `index` is: its URL, body or method, or another row's options. */
function argumentName(row, index) {
  const gate = row.gate.kind === 'tokenUrl' ? row.gate : null;
  if (gate?.url.argument === index) return 'url';
  if (gate?.body?.argument === index) return 'body';
  if (gate?.method?.part.argument === index) return 'method';
  return row.overriddenBy?.argument === index ? 'fields' : 'arg';
}

/** The argument lists of a call: the options object at its place, the request's URL and body before it. */
function argumentLists(row) {
  if (row.optionsArgument === 'after-model') return ['{ ... }', 'model, { ... }'];
  // Without options (`xhr.open(method, url)`): the arguments up to the last one the gate reads.
  const count = row.optionsArgument >= 0 ? row.optionsArgument : [0, 1, 2, 3].findLastIndex((index) => argumentName(row, index) !== 'arg') + 1;
  if (row.optionsArgument < 0 && count === 0) return ['...'];
  const parts = Array.from({ length: count }, (_, index) => argumentName(row, index));
  // A URL given by parts of the options: `{ hostname, port, path, ... }`.
  const url = row.gate.kind === 'tokenUrl' && 'host' in row.gate.url ? row.gate.url : null;
  const options = url ? `{ ${[url.host[0], url.port[0], url.path[0]].join(', ')}, ... }` : '{ ... }';
  return [[...parts, ...(row.optionsArgument >= 0 ? [options] : [])].join(', ')];
}

/** `new OpenRouter({ ... })`, `axios.post(url, body, { ... })`, `openrouter(...)`, `openrouter.chat(...)`. */
function callForms(row) {
  return calleeNames(row).flatMap((name) =>
    argumentLists(row).flatMap((args) => {
      if (row.call === 'any-use') return [`${name}(${args})`, `${name}.chat(${args})`];
      // Sites are calls of a method of the instance: `new XMLHttpRequest().open(method, url)`, `new OpenRouter().chatModel({ ... })`.
      if (row.instanceMethod) return [`new ${name}().${row.instanceMethod}(${args})`];
      const callee = (method) => (method === '' ? name : `${name}.${method}`);
      // A method named as its export (`request` of `https`) is that export called: written once.
      const methods = (row.methods ?? ['']).filter((method) => method === '' || method !== name);
      return methods.map((method) => `${row.call === 'new' ? 'new ' : ''}${callee(method)}(${args})`);
    }),
  );
}

/** Where attribution goes: the client's own options, then its free headers. */
function attributionText(row) {
  if (row.foreignIdentity) return `none: sends \`HTTP-Referer: ${row.foreignIdentity.referer}\`, \`X-Title: ${row.foreignIdentity.title}\``;
  if (row.attributionless) return 'none';
  const places = [];
  const options = ['referer', 'title', 'categories'].flatMap((field) => {
    const [first, ...others] = row.options[field] ?? [];
    if (!first) return [];
    const alias = others.length > 0 ? ` (${others.map(code).join(', ')})` : '';
    const form = field === 'categories' && row.categoriesForm === 'array' ? ' (array)' : '';
    return [`${code(first)}${alias}${form}`];
  });
  if (options.length > 0) places.push(options.join(', '));
  if (row.headersOption) {
    const overrides = row.headersOverrides?.length ? ` (${row.headersOverrides.map(code).join(', ')} replaces it)` : '';
    const fallbacks = row.headersFallbacks?.length ? ` (else ${row.headersFallbacks.map(code).join(', ')})` : '';
    places.push(`headers in ${code(row.headersOption)}${overrides}${fallbacks}`);
  }
  if (row.headerSetter) {
    const object = row.headerSetter.object === 'result' ? 'the request it returns' : 'the same object';
    places.push(`${code(`${row.headerSetter.method}(name, value)`)} on ${object}`);
  }
  const ignored = row.ignoredOptions.length > 0 ? `; ignored: ${row.ignoredOptions.map(code).join(', ')}` : '';
  return `${places.join(', or ')}${ignored}`;
}

/** When a call is OpenRouter traffic. */
function gateText(row) {
  const { gate } = row;
  if (gate.kind === 'always') return gate.unlessBaseUrl ? `always, unless ${gate.unlessBaseUrl.map(code).join(' or ')} names another host` : 'always';
  if (gate.kind === 'baseUrl') return `when ${gate.options.map(code).join(' or ')} is OpenRouter's`;
  if (gate.kind === 'value') {
    const part = 'option' in gate.of ? code(gate.of.option) : `argument ${gate.of.argument + 1}`;
    return `when ${part} ${gate.prefix ? 'starts with' : 'is'} ${gate.values.map((value) => code(`'${value}'`)).join(' or ')}`;
  }
  return gate.method ? 'when it consumes tokens (a POST)' : 'when it consumes tokens';
}

/**
 * The table's lines, one per row in the order of the client table; a row that shares its client,
 * sources or notes with the one before leaves those cells empty.
 */
export function renderClientTable(rows) {
  const lines = [
    '| client | imported as | construction or call | where attribution goes | counts as OpenRouter traffic | notes |',
    '| :----- | :---------- | :------------------- | :--------------------- | :--------------------------- | :---- |',
  ];
  let previous = null;
  for (const row of rows) {
    const sources = list(row.sources.map(describeSource));
    const same = previous !== null && previous.label === row.label;
    const cells = [
      same ? '' : code(row.label),
      same && previous.sources === sources ? '' : sources,
      list(callForms(row).map(code)),
      attributionText(row),
      gateText(row),
      same && previous.docs === row.docs ? '' : (row.docs ?? ''),
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
    previous = { label: row.label, sources, docs: row.docs };
  }
  return lines.join('\n');
}

/** The text with the generated table between the markers; null when the markers are missing or out of order. */
export function withClientTable(text, rows) {
  const begin = text.indexOf(BEGIN_MARKER);
  const end = text.indexOf(END_MARKER);
  if (begin < 0 || end < begin) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const table = renderClientTable(rows).split('\n').join(eol);
  return `${text.slice(0, begin + BEGIN_MARKER.length)}${eol}${table}${eol}${text.slice(end)}`;
}

/** What is wrong with a file's table (it names the file), or null when it matches the client table. */
export function clientTableProblem(name, text, rows) {
  const expected = withClientTable(text, rows);
  if (expected === null) return `${name}: no ${BEGIN_MARKER} ... ${END_MARKER} markers for the supported clients table`;
  return expected === text ? null : `${name}: the supported clients table differs from src/analysis/clients/rows.ts; run \`${UPDATE_COMMAND}\` to regenerate it`;
}
