// SharePoint supplies the web part's base class and property pane at run time; neither loads under jest.
jest.mock('@microsoft/sp-webpart-base', () => ({
  BaseClientSideWebPart: class {
    public onInit(): Promise<void> {
      return Promise.resolve();
    }
  },
}));
jest.mock('@microsoft/sp-property-pane', () => ({
  PropertyPaneTextField: (targetProperty: string, properties: object) => ({ kind: 'text', targetProperty, properties }),
  PropertyPaneDropdown: (targetProperty: string, properties: object) => ({ kind: 'dropdown', targetProperty, properties }),
}));
jest.mock('@microsoft/sp-http', () => ({ AadHttpClient: { configurations: { v1: { flavour: 'v1' } } } }));

import { screen, waitFor, within } from '@testing-library/react';
import PartnerPathwayWebPart from '../partner-pathway-web-part';
import { aDashboard, aRow, aWorkstream } from './builders';

const CLIENT_ID = '99999999-8888-7777-6666-555555555555';

interface Field {
  readonly kind: string;
  readonly targetProperty: string;
  readonly properties: { label: string; options?: { key: number; text: string }[]; onGetErrorMessage?: (value: string) => string };
}

/** The web part as SharePoint drives it: its settings, page element and context set, its hooks called. */
interface Driven {
  properties: Record<string, unknown>;
  domElement: HTMLElement;
  context: unknown;
  dataVersion: { toString(): string };
  onInit(): Promise<void>;
  render(): void;
  onDispose(): void;
  onPropertyPaneConfigurationStart(): void;
  getPropertyPaneConfiguration(): { pages: { groups: { groupFields: Field[] }[] }[] };
}

function json(body: unknown): { ok: boolean; status: number; json(): Promise<unknown> } {
  return { ok: true, status: 200, json: () => Promise.resolve(body) };
}

function webPart(properties: Record<string, unknown>): { part: Driven; resources: string[]; refreshes: () => number } {
  const resources: string[] = [];
  let refreshes = 0;
  const part = new PartnerPathwayWebPart() as unknown as Driven;
  part.properties = properties;
  part.domElement = document.body.appendChild(document.createElement('div'));
  part.context = {
    sdks: {},
    propertyPane: { refresh: () => (refreshes += 1) },
    aadHttpClientFactory: {
      getClient: (resource: string) => {
        resources.push(resource);
        return Promise.resolve({
          get: (url: string) =>
            Promise.resolve(url.endsWith('/dashboard') ? json(aDashboard([aRow()])) : json([aWorkstream(), aWorkstream({ id: 8, title: 'Diabetes' })])),
        });
      },
    },
  };
  return { part, resources, refreshes: () => refreshes };
}

function fields(part: Driven): Field[] {
  return part.getPropertyPaneConfiguration().pages[0].groups.reduce<Field[]>((all, group) => all.concat(group.groupFields), []);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the web part class', () => {
  it("shows the chosen workstream's partners, asking Entra for a token for the app's Entra application", async () => {
    const { part, resources } = webPart({ appAddress: 'https://pathway.example.org', appClientId: CLIENT_ID, teamsAppId: '', workstreamId: 7 });
    await part.onInit();
    part.render();
    const table = await screen.findByRole('table', { name: 'Partners in Maternity (demo)' });
    expect(within(table).getByRole('cell', { name: 'Alex Example' })).toBeInTheDocument();
    expect(resources).toEqual([CLIENT_ID]);
    expect(part.dataVersion.toString()).toBe('1.0');
    part.onDispose();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('asks for its settings, and calls nothing, until the address and Entra application id are usable', () => {
    const { part, resources } = webPart({ appAddress: 'pathway.example.org', appClientId: 'not-a-guid', teamsAppId: '', workstreamId: 0 });
    part.render();
    expect(screen.getByText(/Set the Partner Pathway app’s address/)).toBeInTheDocument();
    expect(resources).toEqual([]);
  });

  it("offers the person's workstreams to choose from in the property pane, and checks the ids typed", async () => {
    const { part, refreshes } = webPart({ appAddress: 'https://pathway.example.org', appClientId: CLIENT_ID, teamsAppId: '', workstreamId: 0 });
    part.onPropertyPaneConfigurationStart();
    await waitFor(() => expect(refreshes()).toBe(1));
    const byProperty = new Map(fields(part).map((field) => [field.targetProperty, field]));
    expect(byProperty.get('workstreamId')?.properties.options).toEqual([
      { key: 7, text: 'Maternity (demo)' },
      { key: 8, text: 'Diabetes' },
    ]);
    expect(byProperty.get('appClientId')?.properties.onGetErrorMessage?.('1234')).toBe(
      'The Entra application ID is a GUID like 00000000-0000-0000-0000-000000000000.',
    );
    expect(byProperty.get('appClientId')?.properties.onGetErrorMessage?.(CLIENT_ID)).toBe('');
    expect(byProperty.get('teamsAppId')?.properties.onGetErrorMessage?.('')).toBe('');
    expect(byProperty.get('appAddress')?.properties.onGetErrorMessage?.('ftp://pathway.example.org')).toBe(
      'Give the app’s https address, such as https://pathway.example.org.',
    );
  });

  it('says in the property pane why there is no workstream to choose before the app is set', () => {
    const { part } = webPart({ appAddress: '', appClientId: '', teamsAppId: '', workstreamId: 0 });
    part.onPropertyPaneConfigurationStart();
    const choice = fields(part).find((field) => field.targetProperty === 'workstreamId');
    expect(choice?.properties).toMatchObject({ label: 'Workstream (set the app first)', options: [] });
  });
});
