import { maskBicep, objectKeys, readBicep } from './bicep-reader';

const SAMPLE = `// param commented string
@secure()
param password string

@description('not a param: param fake string')
param name string = 'x\\'y'

/* output hidden string = 'z' */
var greeting = '\${name} says {'

resource site 'Microsoft.Web/sites@2022-09-01' = if (!empty(name)) {
  name: '\${name}-\${toLower('A}')}'
  properties: {
    siteConfig: {
      alwaysOn: true
    }
    tags: [
      { inner: 1 }
    ]
    label: '}'
  }
}

output URL string = 'https://\${site.properties.defaultHostName}'
output details object = { a: 1 }
`;

describe('the Bicep reader', () => {
  const file = readBicep(SAMPLE);

  it('reads parameters with @secure() and defaults, ignoring comments and strings', () => {
    expect(file.params).toEqual([
      { name: 'password', type: 'string', secure: true, hasDefault: false },
      { name: 'name', type: 'string', secure: false, hasDefault: true },
    ]);
  });

  it('reads outputs with their types', () => {
    expect(file.outputs).toEqual([
      { name: 'URL', type: 'string' },
      { name: 'details', type: 'object' },
    ]);
  });

  it('reads a resource type, API version and whole body, past braces inside strings and interpolations', () => {
    expect(file.resources.map(({ symbol, type, apiVersion }) => ({ symbol, type, apiVersion }))).toEqual([
      { symbol: 'site', type: 'Microsoft.Web/sites', apiVersion: '2022-09-01' },
    ]);
    expect(file.resources[0].body.endsWith("label: '}'\n  }\n}")).toBe(true);
  });

  it('lists only the top-level keys of an object property', () => {
    expect(objectKeys(file.resources[0].body, 'properties')).toEqual(['siteConfig', 'tags', 'label']);
  });

  it('keeps every character in place when masking', () => {
    expect(maskBicep(SAMPLE)).toHaveLength(SAMPLE.length);
  });

  it('refuses what it does not understand rather than misreading it', () => {
    expect(() => readBicep("var text = '''\nmulti\n'''")).toThrow(/multi-line/);
    expect(() => readBicep("var text = 'open")).toThrow(/unterminated string/);
    expect(() => objectKeys('{\n  name: 1\n}', 'properties')).toThrow(/no object property properties/);
  });
});
