import {
  BUILT_IN_VARIABLES,
  GENERATED_SCOPE_ID,
  actionsOf,
  parseEnvFile,
  placeholdersIn,
  readManifest,
  readRepoText,
  readToolkitProject,
  variablesWrittenBy,
} from '../app-package/project-files';

interface EntraManifest {
  appId: string;
  signInAudience: string;
  accessTokenAcceptedVersion: number;
  identifierUris: string[];
  oauth2Permissions: Array<{ id: string; value: string; type: string; isEnabled: boolean }>;
  preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
}

const MANIFEST_PATH = 'aad.manifest.json';
const manifest = JSON.parse(readRepoText(MANIFEST_PATH)) as EntraManifest;

/** Teams desktop and mobile, and Teams on the web (Microsoft Learn, "Configure your tab app in Microsoft Entra ID"). */
const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

describe("the tab's Entra app manifest (aad.manifest.json)", () => {
  it('describes the tab app teamsapp.yml creates, in one tenant', () => {
    expect(manifest.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('exposes the API at the Application ID URI the Teams manifest names, for v2 tokens', () => {
    const teams = readManifest() as { webApplicationInfo: { resource: string } };
    expect(manifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(manifest.identifierUris).toContain(teams.webApplicationInfo.resource);
    expect(manifest.accessTokenAcceptedVersion).toBe(2);
  });

  it('offers the access_as_user scope the server requires, pre-authorised for the Teams clients', () => {
    expect(manifest.oauth2Permissions).toEqual([
      expect.objectContaining({ id: `\${{${GENERATED_SCOPE_ID}}}`, value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
    expect(manifest.preAuthorizedApplications).toEqual(
      TEAMS_CLIENTS.map((appId) => ({ appId, permissionIds: [`\${{${GENERATED_SCOPE_ID}}}`] })),
    );
  });

  it('has every placeholder set by the time aadApp/update applies it in the dev environment', () => {
    const set = new Set(BUILT_IN_VARIABLES);
    for (const [name, value] of parseEnvFile(readRepoText('env/.env.dev'))) if (value !== '') set.add(name);
    for (const { action } of actionsOf(readToolkitProject('teamsapp.yml'))) {
      for (const name of variablesWrittenBy(action)) set.add(name);
      if (action.uses === 'aadApp/update') break;
    }
    expect(placeholdersIn(readRepoText(MANIFEST_PATH)).filter((name) => !set.has(name))).toEqual([]);
  });
});
