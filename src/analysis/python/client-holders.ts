/**
 * Where a constructed client is kept, and the calls made through it: `client = OpenAI(...)`, `with
 * httpx.Client() as c:`, `self.client = OpenAI(...)` read in the methods of its class, or the
 * construction called on directly. The file's calls are grouped by what they are called on once, so
 * finding a client's requests never scans the file again.
 */
import type { SyntaxNode } from '@lezer/common';
import type { ResolutionBudget } from '../values/budget.js';
import type { PythonModule } from './module-files.js';
import type { PythonValues } from './values.js';

function enclosingClass(node: SyntaxNode): SyntaxNode | null {
  let owner = node.parent;
  while (owner && owner.name !== 'ClassDefinition') owner = owner.parent;
  return owner;
}

export class ClientHolders {
  private byHolder: Map<string, SyntaxNode[]> | null = null;

  constructor(
    private readonly module: PythonModule,
    private readonly values: PythonValues,
    private readonly budget: ResolutionBudget,
  ) {}

  private text(node: SyntaxNode): string {
    return this.module.index.parse.text.slice(node.from, node.to);
  }

  /**
   * What a member chain (`client.chat.completions.create`, `self.client.post`, `OpenAI(...).models`) is
   * called on, as a key its construction shares: the call itself, the one value of the name at its root,
   * or a `self.x` field of the class the chain is written in. Null for anything else.
   */
  holderOf(chain: SyntaxNode): string | null {
    let current: SyntaxNode = chain;
    let above: SyntaxNode | null = null;
    for (let step = 0; current.name === 'MemberExpression' && current.firstChild && step < 16; step++) {
      above = current;
      current = current.firstChild;
    }
    if (!above) return null;
    // `self._client().chat.completions.create(...)`: what the helper returns, as for a name holding its result.
    if (current.name === 'CallExpression') return this.valueKey(this.values.heldValue(this.module, current));
    if (current.name !== 'VariableName') return null;
    if (this.text(current) === 'self' && above.lastChild?.name === 'PropertyName') return this.fieldKey(above);
    const value = this.values.singleValue(this.module, current);
    return value ? this.valueKey(value) : null;
  }

  /** The key of a `self.x` field of the class it is read in. */
  private fieldKey(member: SyntaxNode): string | null {
    const owner = enclosingClass(member);
    return owner && member.lastChild?.name === 'PropertyName' ? `self:${owner.from}:${this.text(member.lastChild)}` : null;
  }

  /**
   * The key of what a name or a helper's call holds: a construction, or the instance's field a method returns
   * (`session = await self._ensure_session()` whose method returns `self._session`).
   */
  private valueKey(value: SyntaxNode): string | null {
    return value.name === 'MemberExpression' ? this.fieldKey(value) : `value:${value.from}:${value.to}`;
  }

  /**
   * The keys of the chains that reach a construction: itself (and the names that always hold it), and the
   * `self.x` field it is written to once. With `handedAlike`, a write of the field from a parameter
   * (`self.session = session or requests.Session()`'s other branch) puts there a client that sends what this
   * one would: the caller asked to say so knows that no caller's client carries headers of its own.
   */
  holderKeys(construction: SyntaxNode, handedAlike = false): string[] {
    const keys = [`value:${construction.from}:${construction.to}`];
    const statement = construction.parent;
    const target = statement?.name === 'AssignStatement' && statement.lastChild?.from === construction.from ? statement.firstChild : null;
    if (target?.name !== 'MemberExpression' || target.firstChild?.name !== 'VariableName' || this.text(target.firstChild) !== 'self') return keys;
    const key = this.holderOf(target);
    if (!key) return keys;
    // Another write of the field may put another client there; `self.client = None` puts none.
    const writes = this.module.index.attributeWrites.filter(
      (write) =>
        write.value.name !== 'None' &&
        !(handedAlike && this.isParameter(write.value)) &&
        write.target.firstChild?.name === 'VariableName' &&
        this.holderOf(write.target) === key,
    );
    if (writes.length === 1) keys.push(key);
    return keys;
  }

  private isParameter(value: SyntaxNode): boolean {
    if (value.name !== 'VariableName') return false;
    const found = this.values.bindingsOf(this.module, value);
    return found?.bindings.length === 1 && found.bindings[0]!.kind === 'parameter';
  }

  /** The calls of the file made through the construction, wherever it is kept. */
  callsThrough(construction: SyntaxNode, handedAlike = false): SyntaxNode[] {
    if (!this.byHolder) {
      this.byHolder = new Map();
      for (const { node: call } of this.module.index.calls) {
        if (!this.budget.charge()) break;
        const callee = call.firstChild;
        const key = callee?.name === 'MemberExpression' ? this.holderOf(callee) : null;
        if (!key) continue;
        const list = this.byHolder.get(key);
        if (list) list.push(call);
        else this.byHolder.set(key, [call]);
      }
    }
    return this.holderKeys(construction, handedAlike).flatMap((key) => this.byHolder!.get(key) ?? []);
  }

  /** Whether an expression (`s`, `self.session`) holds the construction. */
  holds(node: SyntaxNode, keys: ReadonlySet<string>): boolean {
    if (node.name === 'MemberExpression') return keys.has(this.holderOf(node) ?? '');
    const value = node.name === 'VariableName' ? this.values.singleValue(this.module, node) : node;
    return !!value && keys.has(this.valueKey(value) ?? '');
  }
}
