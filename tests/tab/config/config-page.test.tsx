/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Workstream } from '../../../src/tab/api/types';
import { ConfigPage, RemovePage, type ConfigChoice, type ConfigPageProps } from '../../../src/tab/config/config-page';
import { ApiError } from '../../../src/tab/api/parse';
import type { TabSettings, TeamsHost } from '../../../src/tab/teams/teams-host';
import { fakeHost } from '../fake-host';
import { renderInFluent } from '../render';

function workstream(id: number, title: string): Workstream {
  return { id, title, description: null, teamsChannelId: null, version: 1, key: `w${id}`, created: '', modified: '' };
}

const WORKSTREAMS = [workstream(1, 'Maternity and neonatal'), workstream(2, 'Urgent and emergency care in the north')];

function configHost(): TeamsHost & { saved: () => Promise<TabSettings> } {
  let save: (() => Promise<TabSettings> | TabSettings) | undefined;
  const host = fakeHost({ frameContext: 'settings' });
  host.tabConfig.onSave = jest.fn((settings: () => Promise<TabSettings> | TabSettings) => {
    save = settings;
  });
  return {
    ...host,
    saved: async () => {
      if (!save) throw new Error('No save handler was registered');
      return save();
    },
  };
}

const created = workstream(7, 'Learning disability and autism');

function Harness({
  host,
  workstreams = WORKSTREAMS,
  onCreate = jest.fn(async () => created),
}: {
  readonly host: TeamsHost | null;
  readonly workstreams?: Workstream[];
  readonly onCreate?: ConfigPageProps['onCreate'];
}) {
  const [choice, setChoice] = useState<ConfigChoice>(workstreams.length === 0 ? 'new' : null);
  return <ConfigPage workstreams={workstreams} choice={choice} onChoose={setChoice} onCreate={onCreate} host={host} />;
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
    const settings = await host.saved();
    expect(settings).toEqual({
      entityId: 'workstream-2',
      contentUrl: `${window.location.origin}/tab/index.html?workstream=2`,
      websiteUrl: `${window.location.origin}/tab/index.html?workstream=2`,
      suggestedDisplayName: 'Partners: Urgent and emergenc…',
    });
    expect(settings.suggestedDisplayName.length).toBeLessThanOrEqual(30);
  });

  it('starts a new workstream on Save, under one key however often Save is pressed (the server makes it once), and saves the tab for it', async () => {
    const host = configHost();
    const onCreate = jest.fn(async () => created);
    renderInFluent(<Harness host={host} onCreate={onCreate} />);
    await userEvent.click(screen.getByRole('radio', { name: 'A new workstream' }));
    expect(host.tabConfig.setValid).toHaveBeenLastCalledWith(false);
    await userEvent.type(screen.getByRole('textbox', { name: /Name of the new workstream/ }), 'Learning disability and autism');
    await userEvent.type(screen.getByRole('textbox', { name: 'What it works on (optional)' }), 'Annual health checks.');
    expect(host.tabConfig.setValid).toHaveBeenLastCalledWith(true);
    expect(screen.getByText(/Teams will suggest the name “Partners: Learning disability…”/)).toBeInTheDocument();
    const settings = await host.saved();
    await host.saved();
    expect(settings).toMatchObject({ entityId: 'workstream-7', contentUrl: `${window.location.origin}/tab/index.html?workstream=7` });
    expect(onCreate).toHaveBeenCalledWith({
      title: 'Learning disability and autism',
      description: 'Annual health checks.',
      key: expect.any(String),
    });
    const keys = onCreate.mock.calls.map((call) => (call as unknown as [{ key: string }])[0].key);
    expect(new Set(keys).size).toBe(1);
  });

  it("offers only a new workstream to someone in none, and shows the server's refusal when it cannot be started", async () => {
    const host = configHost();
    const refusal = new ApiError('validation', 'Workstream: enter at most 120 characters.', 400);
    renderInFluent(<Harness host={host} workstreams={[]} onCreate={jest.fn(async () => Promise.reject(refusal))} />);
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['new']);
    await userEvent.type(screen.getByRole('textbox', { name: /Name of the new workstream/ }), 'Maternity');
    await expect(host.saved()).rejects.toBe(refusal);
    expect(await screen.findByText('Workstream: enter at most 120 characters.')).toBeInTheDocument();
  });

  it('outside Teams, links to the workstream instead of saving', async () => {
    renderInFluent(<Harness host={null} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Maternity and neonatal' }));
    expect(screen.getByRole('link', { name: 'open Maternity and neonatal' })).toHaveAttribute('href', '/tab/index.html?workstream=1');
  });

  it('lets Teams remove the tab, saying that nothing is deleted', () => {
    const host = configHost();
    renderInFluent(<RemovePage host={host} />);
    expect(screen.getByText(/Removing the tab deletes nothing/)).toBeInTheDocument();
    expect(host.tabConfig.onRemove).toHaveBeenCalled();
    expect(host.tabConfig.setValid).toHaveBeenCalledWith(true);
  });
});
