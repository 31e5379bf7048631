import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Environment, EnvironmentType, Guid, Log, Version } from '@microsoft/sp-core-library';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import {
  PropertyPaneDropdown,
  PropertyPaneTextField,
  type IPropertyPaneConfiguration,
  type IPropertyPaneDropdownOption,
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { aadHttp } from './aad-http';
import { PartnerPathway } from './components/partner-pathway';
import { fluentThemeOf } from './page-theme';
import { PathwayProblem, pathwayApi, type PathwayApi } from './pathway-api';
import { appAddressProblem, type PartnerPathwayProperties } from './settings';

const LOG_SOURCE = 'PartnerPathwayWebPart';

function guidProblem(value: string, what: string): string {
  return Guid.isValid(value.trim()) ? '' : `${what} is a GUID like 00000000-0000-0000-0000-000000000000.`;
}

/**
 * The Partner Pathway web part: the SharePoint side only (settings, theme, the signed-in
 * HTTP client); what it shows is the PartnerPathway component.
 */
export default class PartnerPathwayWebPart extends BaseClientSideWebPart<PartnerPathwayProperties> {
  private _theme: IReadonlyTheme | undefined;
  private _api: { readonly key: string; readonly api: PathwayApi } | undefined;
  private _workstreamOptions: IPropertyPaneDropdownOption[] = [];
  private _workstreamsNote = '';

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected onInit(): Promise<void> {
    Log.info(LOG_SOURCE, `Starting on ${EnvironmentType[Environment.type] ?? 'an unknown host'}${this.context.sdks.microsoftTeams ? ' in Teams' : ''}`);
    return super.onInit();
  }

  public render(): void {
    ReactDom.render(
      React.createElement(PartnerPathway, {
        api: this._pathway(),
        workstreamId: Number(this.properties.workstreamId) || 0,
        teamsAppId: Guid.isValid(this.properties.teamsAppId ?? '') ? this.properties.teamsAppId.trim() : '',
        theme: fluentThemeOf(this._theme),
      }),
      this.domElement,
    );
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    if (this.renderedOnce) this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected onPropertyPaneConfigurationStart(): void {
    this._loadWorkstreams();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (propertyPath === 'appAddress' || propertyPath === 'appClientId') this._loadWorkstreams();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: 'Show a workstream’s partners from Partner Pathway.' },
          groups: [
            {
              groupName: 'The app',
              groupFields: [
                PropertyPaneTextField('appAddress', { label: 'App address', onGetErrorMessage: appAddressProblem }),
                PropertyPaneTextField('appClientId', {
                  label: 'Entra application ID of the app',
                  onGetErrorMessage: (value: string) => guidProblem(value, 'The Entra application ID'),
                }),
                PropertyPaneTextField('teamsAppId', {
                  label: 'Teams app ID (for links to the Teams tab)',
                  onGetErrorMessage: (value: string) => (value.trim() ? guidProblem(value, 'The Teams app ID') : ''),
                }),
              ],
            },
            {
              groupName: 'Workstream',
              groupFields: [
                PropertyPaneDropdown('workstreamId', {
                  label: this._workstreamsNote || 'Workstream',
                  options: this._workstreamOptions,
                  disabled: this._workstreamOptions.length === 0,
                }),
              ],
            },
          ],
        },
      ],
    };
  }

  /** The app's API for the current settings, made again only when they change; null until they are usable. */
  private _pathway(): PathwayApi | null {
    const address = (this.properties.appAddress ?? '').trim();
    const clientId = (this.properties.appClientId ?? '').trim();
    if (appAddressProblem(address) || !Guid.isValid(clientId)) return null;
    const key = `${address} ${clientId}`;
    if (this._api?.key !== key) this._api = { key, api: pathwayApi(address, aadHttp(this.context.aadHttpClientFactory, clientId)) };
    return this._api.api;
  }

  /** Fills the workstream choice with the person's workstreams, or says why it cannot. */
  private _loadWorkstreams(): void {
    const api = this._pathway();
    if (!api) {
      this._workstreamOptions = [];
      this._workstreamsNote = 'Workstream (set the app first)';
      this.context.propertyPane.refresh();
      return;
    }
    api.workstreams().then(
      (workstreams) => {
        this._workstreamOptions = workstreams.map((workstream) => ({ key: workstream.id, text: workstream.title }));
        this._workstreamsNote = workstreams.length === 0 ? 'Workstream (you are in none yet)' : '';
        this.context.propertyPane.refresh();
      },
      (error: unknown) => {
        Log.warn(LOG_SOURCE, `Workstreams not read: ${error instanceof PathwayProblem ? error.problem.kind : 'unknown'}`);
        this._workstreamOptions = [];
        this._workstreamsNote = 'Workstream (the app could not be read: see the web part)';
        this.context.propertyPane.refresh();
      },
    );
  }
}
