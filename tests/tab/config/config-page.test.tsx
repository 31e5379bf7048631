/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Workstream } from '../../../src/tab/api/types';
import { ConfigPage, RemovePage } from '../../../src/tab/config/config-page';
import type { TabSettings, TeamsHost } from '../../../src/tab/teams/teams-host';
import { fakeHost } from '../fake-host';
import { renderInFluent } from '../render';

function workstream(id: number, title: string): Workstream {
  return { id, title, description: null, teamsChannelId: null, version: 1, key: `w${id}`, created: '', modified: '' };
}

const WORKSTREAMS = [workstream(1, 'Maternity and neonatal'), workstream(2, 'Urgent and emergency care in the north')];

function configHost(): TeamsHost & { saved: () => TabSettings } {
  let save: (() => TabSettings) | undefined;
  const host = fakeHost({ frameContext: 'settings' });
  host.tabConfig.onSave = jest.fn((settings: () => TabSettings) => {
    save = settings;
  });
  return {
    ...host,
    saved: () => {
      if (!save) throw new Error('No save handler was registered');
      return save();
    },
  };
}

function Harness({ host }: { readonly host: TeamsHost | null }) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  return <ConfigPage workstreams={WORKSTREAMS} selectedId={selectedId} onSelect={setSelectedId} host={host} />;
}

describe('the channel tab configuration page', () => {
  it("keeps Teams' Save button off until a workstream is chosen", async () => {
    const host = configHost();
    renderInFluent(<Harness host={host} />);
    expect(host.tabConfig.setValid).toHaveBeenLastCalledWith(false);
    await userEvent.click(screen.getByRole('radio', { name: 'Maternity and neonatal' }));
    expect(host.tabConfig.setValid).toHaveBeenLastCalledWith(true);
  });

  it('saves the chosen workstream with a suggested tab name Teams can show in full', async () => {
    const host = configHost();
    renderInFluent(<Harness host={host} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Urgent and emergency care in the north' }));
    const settings = host.saved();
    expect(settings).toEqual({
      entityId: 'workstream-2',
      contentUrl: `${window.location.origin}/tab/index.html?workstream=2`,
      websiteUrl: `${window.location.origin}/tab/index.html?workstream=2`,
      suggestedDisplayName: 'Partners: Urgent and emergenc…',
    });
    expect(settings.suggestedDisplayName.length).toBeLessThanOrEqual(30);
  });

  it('outside Teams, links to the workstream instead of saving', async () => {
    renderInFluent(<Harness host={null} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Maternity and neonatal' }));
    expect(screen.getByRole('link', { name: 'open Maternity and neonatal' }).getAttribute('href')).toBe('/tab/index.html?workstream=1');
  });

  it('lets Teams remove the tab, saying that nothing is deleted', () => {
    const host = configHost();
    renderInFluent(<RemovePage host={host} />);
    expect(screen.getByText(/Removing the tab deletes nothing/)).toBeTruthy();
    expect(host.tabConfig.onRemove).toHaveBeenCalled();
    expect(host.tabConfig.setValid).toHaveBeenCalledWith(true);
  });
});
