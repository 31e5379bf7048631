/**
 * A small reader for the parts of a Bicep file the offline deployment checks need:
 * its parameters, outputs and resources, and the keys of an object property. The
 * Bicep CLI cannot be installed here, so this reads the text. It understands line
 * and block comments and single-quoted strings with `${...}` interpolation, and
 * refuses multi-line (`'''`) strings rather than misreading them.
 */

/** A `param` declaration. */
export interface BicepParam {
  name: string;
  type: string;
  /** Declared with `@secure()`. */
  secure: boolean;
  /** Has a default value (`param x string = ...`). */
  hasDefault: boolean;
}

/** An `output` declaration. */
export interface BicepOutput {
  name: string;
  type: string;
}

/** A `resource` declaration, with its body (`{ ... }`) as written. */
export interface BicepResource {
  symbol: string;
  /** The resource type, such as `Microsoft.Web/sites`. */
  type: string;
  apiVersion: string;
  body: string;
}

/** What {@link readBicep} finds in a Bicep file. */
export interface BicepFile {
  params: BicepParam[];
  outputs: BicepOutput[];
  resources: BicepResource[];
}

/**
 * The text with comments blanked and string contents (interpolation delimiters
 * included) replaced by `_`, keeping every character's position, so that what is
 * left is code and braces can be matched by counting.
 */
export function maskBicep(text: string): string {
  const out = [...text];
  // Each entry is the brace depth at which an interpolation returns to its string.
  const interpolations: number[] = [];
  let depth = 0;
  let inString = false;
  let i = 0;
  const blank = (from: number, to: number, fill: string) => {
    for (let k = from; k < to; k += 1) if (out[k] !== '\n') out[k] = fill;
  };
  while (i < text.length) {
    if (inString) {
      if (text[i] === '\\') {
        blank(i, i + 2, '_');
        i += 2;
      } else if (text[i] === "'") {
        inString = false;
        i += 1;
      } else if (text.startsWith('${', i)) {
        blank(i, i + 2, '_');
        interpolations.push(depth);
        inString = false;
        i += 2;
      } else {
        blank(i, i + 1, '_');
        i += 1;
      }
    } else if (text.startsWith("'''", i)) {
      throw new Error(`multi-line strings are not understood (offset ${i})`);
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop, ' ');
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new Error(`unterminated block comment (offset ${i})`);
      blank(i, end + 2, ' ');
      i = end + 2;
    } else if (text[i] === "'") {
      inString = true;
      i += 1;
    } else if (text[i] === '{') {
      depth += 1;
      i += 1;
    } else if (text[i] === '}' && interpolations.length > 0 && interpolations[interpolations.length - 1] === depth) {
      interpolations.pop();
      blank(i, i + 1, '_');
      inString = true;
      i += 1;
    } else {
      if (text[i] === '}') depth -= 1;
      i += 1;
    }
  }
  if (inString || interpolations.length > 0) throw new Error('unterminated string');
  return out.join('');
}

/** The offset just past the `}` that closes the `{` at `open` in masked text. */
function closingBrace(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i += 1) {
    if (masked[i] === '{') depth += 1;
    if (masked[i] === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`no closing brace for the one at offset ${open}`);
}

const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';

/** Reads the parameters, outputs and resources declared at the top level of a Bicep file. */
export function readBicep(text: string): BicepFile {
  const masked = maskBicep(text);
  const params: BicepParam[] = [];
  const outputs: BicepOutput[] = [];
  const resources: BicepResource[] = [];
  let decorators: string[] = [];
  let offset = 0;
  for (const line of masked.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const param = new RegExp(`^param\\s+(${IDENTIFIER})\\s+(${IDENTIFIER})(\\s*=)?`).exec(line);
    const output = new RegExp(`^output\\s+(${IDENTIFIER})\\s+(${IDENTIFIER})\\s*=`).exec(line);
    const resource = new RegExp(`^resource\\s+(${IDENTIFIER})\\s+'`).exec(line);
    if (line.startsWith('@')) {
      decorators.push(line);
      continue;
    }
    if (param) {
      params.push({ name: param[1], type: param[2], secure: decorators.some((d) => /^@secure\(\)/.test(d)), hasDefault: param[3] !== undefined });
    } else if (output) {
      outputs.push({ name: output[1], type: output[2] });
    } else if (resource) {
      const typeStart = start + resource[0].length;
      const typeEnd = text.indexOf("'", typeStart);
      const [type, apiVersion] = text.slice(typeStart, typeEnd).split('@');
      const open = masked.indexOf('{', typeEnd);
      resources.push({ symbol: resource[1], type, apiVersion, body: text.slice(open, closingBrace(masked, open)) });
    }
    if (line.trim() !== '') decorators = [];
  }
  return { params, outputs, resources };
}

/**
 * The keys of the object that `property` holds at the top level of `body` (a
 * resource body or any `{ ... }` object), in the order written.
 */
export function objectKeys(body: string, property: string): string[] {
  const masked = maskBicep(body);
  const found = new RegExp(`^(\\s*)${property}:\\s*\\{`, 'm');
  let depth = 0;
  for (let i = 0; i < masked.length; i += 1) {
    if (masked[i] === '{') depth += 1;
    if (masked[i] === '}') depth -= 1;
    if (depth !== 1 || masked[i] !== '\n') continue;
    const match = found.exec(masked.slice(i + 1));
    if (!match || match.index !== 0) continue;
    const open = i + 1 + match[0].length - 1;
    const inner = masked.slice(open + 1, closingBrace(masked, open) - 1);
    const keys: string[] = [];
    let level = 0;
    for (const innerLine of inner.split('\n')) {
      const key = new RegExp(`^\\s*(${IDENTIFIER}):`).exec(innerLine);
      if (level === 0 && key) keys.push(key[1]);
      for (const char of innerLine) {
        if (char === '{' || char === '[') level += 1;
        if (char === '}' || char === ']') level -= 1;
      }
    }
    return keys;
  }
  throw new Error(`no object property ${property} at the top level`);
}
