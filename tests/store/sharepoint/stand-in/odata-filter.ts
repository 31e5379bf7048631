/** A literal in a filter: text, a number, yes/no, empty, or an instant (`datetime'...'`). */
export type Literal = string | number | boolean | null | { readonly datetime: string };

/** An instant as SharePoint writes it in JSON: UTC, whole seconds. */
export function spInstant(value: string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A parsed `$filter`. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'compare'; readonly op: Operator; readonly field: string; readonly value: Literal };

type Operator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
const OPERATORS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'paren'; text: '(' | ')' };

/** Raised for a filter SharePoint would answer with 400. */
export class FilterSyntaxError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', text: char });
      at += 1;
    } else if (char === "'") {
      // OData quotes a quote by doubling it; a lone quote ends the string.
      let text = '';
      at += 1;
      for (;;) {
        if (at >= source.length) throw new FilterSyntaxError('Unterminated string literal');
        if (source[at] === "'") {
          if (source[at + 1] === "'") {
            text += "'";
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        text += source[at];
        at += 1;
      }
      tokens.push({ kind: 'string', text });
    } else if (/[-\d]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(at));
      if (!match) throw new FilterSyntaxError(`Unexpected ${char}`);
      tokens.push({ kind: 'number', value: Number(match[0]) });
      at += match[0].length;
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(source.slice(at));
      if (!match) throw new FilterSyntaxError(`Unexpected ${char}`);
      tokens.push({ kind: 'word', text: match[0] });
      at += match[0].length;
    }
  }
  return tokens;
}

/** Parses the subset of OData v3 `$filter` the app uses: comparisons joined by and, or, not and parentheses. */
export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  let at = 0;
  const peekWord = (word: string) => tokens[at]?.kind === 'word' && (tokens[at] as { text: string }).text.toLowerCase() === word;

  function literal(): Literal {
    const token = tokens[at++];
    if (!token) throw new FilterSyntaxError('Expected a value');
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return token.value;
    if (token.kind === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'null') return null;
      if (word === 'true' || word === 'false') return word === 'true';
      if (word === 'datetime' && tokens[at]?.kind === 'string') {
        const text = (tokens[at++] as { text: string }).text;
        if (Number.isNaN(Date.parse(text))) throw new FilterSyntaxError(`Not a datetime: ${text}`);
        return { datetime: spInstant(text) };
      }
    }
    throw new FilterSyntaxError('Expected a value');
  }

  function primary(): FilterNode {
    const token = tokens[at];
    if (token?.kind === 'paren' && token.text === '(') {
      at += 1;
      const inner = or();
      const close = tokens[at++];
      if (close?.kind !== 'paren' || close.text !== ')') throw new FilterSyntaxError('Expected )');
      return inner;
    }
    if (peekWord('not')) {
      at += 1;
      return { kind: 'not', operand: primary() };
    }
    if (token?.kind !== 'word') throw new FilterSyntaxError('Expected a field name');
    at += 1;
    const op = tokens[at++];
    if (op?.kind !== 'word' || !OPERATORS.has(op.text.toLowerCase())) throw new FilterSyntaxError('Expected an operator');
    return { kind: 'compare', op: op.text.toLowerCase() as Operator, field: token.text, value: literal() };
  }

  function and(): FilterNode {
    let left = primary();
    while (peekWord('and')) {
      at += 1;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }

  function or(): FilterNode {
    let left = and();
    while (peekWord('or')) {
      at += 1;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  const tree = or();
  if (at !== tokens.length) throw new FilterSyntaxError('Unexpected text after the filter');
  return tree;
}

/** The field of the leftmost comparison: the one SharePoint uses to pick an index. */
export function firstField(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return node.field;
    case 'not':
      return firstField(node.operand);
    default:
      return firstField(node.left);
  }
}

function comparable(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && 'datetime' in (value as object)) return (value as { datetime: string }).datetime;
  return value as string | number | boolean;
}

/** Orders two stored values like SharePoint: empty first, text without regard to case. */
export function compareValues(a: unknown, b: unknown): number {
  const x = comparable(a);
  const y = comparable(b);
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  if (typeof x === 'string' && typeof y === 'string')
    return x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether an item (its field values by internal name) matches the filter. */
export function matches(node: FilterNode, item: Readonly<Record<string, unknown>>): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, item) && matches(node.right, item);
    case 'or':
      return matches(node.left, item) || matches(node.right, item);
    case 'not':
      return !matches(node.operand, item);
    case 'compare': {
      const stored = item[node.field];
      if (Array.isArray(stored)) {
        // A multi-choice matches a value it contains, and null when it holds none.
        if (node.value === null) return (node.op === 'eq') === (stored.length === 0);
        return (node.op === 'eq') === stored.includes(node.value);
      }
      const order = compareValues(stored, node.value);
      const empty = stored === null || stored === undefined;
      if ((empty || node.value === null) && node.op !== 'eq' && node.op !== 'ne') return false;
      switch (node.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'lt':
          return order < 0;
        case 'le':
          return order <= 0;
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
      }
    }
  }
}
