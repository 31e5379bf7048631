import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { LISTS, type ListName } from '../../../src/domain/schema/lists';
import { spColumn } from '../../../src/store/sharepoint/names';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn } from './support';

/** One read as written in the code: its list, the fields it filters and sorts on, and where it is. */
interface QueryShape {
  readonly at: string;
  readonly list: ListName;
  /** undefined when the read has no conditions: the whole list, paged by id. */
  readonly filters?: readonly string[];
  readonly sorts: readonly string[];
}

const SOURCE = join(__dirname, '../../../src');
/** The adapters translate queries; the tab and the contract never make one. */
const NOT_CALLERS = ['store', 'tab', 'contract'];
const QUERY_KEYS = new Set(['list', 'where', 'orderBy', 'top']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === SOURCE && NOT_CALLERS.includes(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isAsExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && !ts.isComputedPropertyName(property.name))
    return property.name.text;
  return undefined;
}

/**
 * Every store read the code makes, found in the source rather than listed by hand:
 * each object literal naming a list of the schema with nothing but a query's
 * properties (`list`, `where`, `orderBy`, `top`). A condition or sort it cannot read
 * (a spread, a computed name, a `where` built elsewhere) fails the test, so the rule
 * below always sees a query whole.
 */
function queryShapes(): QueryShape[] {
  const shapes: QueryShape[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const properties = new Map(
          node.properties.map((property) => [propertyName(property), property] as const).filter(([name]) => name !== undefined),
        );
        const listProperty = properties.get('list');
        const list = listProperty && ts.isPropertyAssignment(listProperty) ? unwrap(listProperty.initializer) : undefined;
        const names = [...properties.keys()] as string[];
        if (list && ts.isStringLiteral(list) && list.text in LISTS && names.every((name) => QUERY_KEYS.has(name))) {
          const at = `${relative(SOURCE, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          if (node.properties.length !== properties.size) throw new Error(`${at}: a query with a spread or computed property`);
          shapes.push({
            at,
            list: list.text as ListName,
            filters: fieldsOf(properties.get('where'), at),
            sorts: sortsOf(properties.get('orderBy'), at),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return shapes;
}

function fieldsOf(where: ts.ObjectLiteralElementLike | undefined, at: string): string[] | undefined {
  if (!where) return undefined;
  const value = ts.isPropertyAssignment(where) ? unwrap(where.initializer) : undefined;
  if (!value || !ts.isObjectLiteralExpression(value)) throw new Error(`${at}: a where the rule cannot read`);
  return value.properties.map((property) => {
    const name = propertyName(property);
    if (!name) throw new Error(`${at}: a condition the rule cannot read`);
    return name;
  });
}

function sortsOf(orderBy: ts.ObjectLiteralElementLike | undefined, at: string): string[] {
  if (!orderBy) return [];
  const value = ts.isPropertyAssignment(orderBy) ? unwrap(orderBy.initializer) : undefined;
  if (!value || !ts.isArrayLiteralExpression(value)) throw new Error(`${at}: an orderBy the rule cannot read`);
  return value.elements.map((element) => {
    const field = ts.isObjectLiteralExpression(element)
      ? element.properties.find((property) => propertyName(property) === 'field')
      : undefined;
    const name = field && ts.isPropertyAssignment(field) ? unwrap(field.initializer) : undefined;
    if (!name || !ts.isStringLiteral(name)) throw new Error(`${at}: a sort the rule cannot read`);
    return name.text;
  });
}

let standIn: SharePointStandIn;
const shapes = queryShapes();

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
});

afterAll(async () => {
  await standIn.stop();
});

/** Whether provisioning indexed the column behind a field (the item id always is). */
function indexedOnSite(list: ListName, field: string): boolean {
  if (field === 'id') return true;
  const column = spColumn(list, field);
  if (!column) throw new Error(`${field} is not a column of ${list}`);
  const onSite = standIn.list(LISTS[list].title).fields.find((candidate) => candidate.InternalName === column.internalName);
  return onSite?.Indexed === true;
}

describe('every read stays under SharePoint’s list view threshold, whatever the size of the list', () => {
  it('finds the reads in the code, the checklist of a partner’s details among them', () => {
    expect(shapes.length).toBeGreaterThan(40);
    expect(shapes).toContainEqual(
      expect.objectContaining({
        at: expect.stringMatching(/^domain\/service\/partner-views\.ts:/),
        list: 'inductionTasks',
        sorts: ['order'],
      }),
    );
  });

  it('filters every read with conditions on at least one indexed column, which the adapter puts first', () => {
    const unindexed = shapes.filter(
      ({ list, filters }) => filters && filters.length > 0 && !filters.some((field) => indexedOnSite(list, field)),
    );
    expect(unindexed).toEqual([]);
  });

  it('sorts only on indexed columns', () => {
    const unindexed = shapes.filter(({ list, sorts }) => sorts.some((field) => !indexedOnSite(list, field)));
    expect(unindexed).toEqual([]);
  });
});
