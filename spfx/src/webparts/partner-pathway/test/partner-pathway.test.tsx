import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { PartnerPathway } from '../components/partner-pathway';
import { fluentThemeOf } from '../page-theme';
import { PathwayProblem, type PathwayApi } from '../pathway-api';
import { aDashboard, aRow, aWorkstream, fakeApi, TEAMS_APP_ID } from './builders';

function show(api: PathwayApi | null, workstreamId: number = 7, teamsAppId: string = TEAMS_APP_ID): ReturnType<typeof render> {
  return render(<PartnerPathway api={api} workstreamId={workstreamId} teamsAppId={teamsAppId} theme={fluentThemeOf(undefined)} />);
}

async function axeViolations(container: HTMLElement): Promise<string[]> {
  // jsdom draws nothing, so colour contrast is left to the browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => violation.id);
}

describe('the Partner Pathway web part', () => {
  it("lists the workstream's partners: name, role, stage, induction progress and next one-to-one with its due state", async () => {
    const api = fakeApi({
      dashboard: aDashboard([
        aRow(),
        aRow({
          involvementId: 12,
          partnerId: 22,
          name: 'Sam Sample',
          stage: 'Induction',
          induction: { done: 3, total: 7, missingRequired: ['Confidentiality agreement signed'] },
          nextOneToOne: { due: null, state: 'none', daysUntilDue: null },
        }),
        aRow({ involvementId: 13, partnerId: 23, name: 'Kit Case', nextOneToOne: { due: '2026-02-20', state: 'overdue', daysUntilDue: -3 } }),
      ]),
    });
    show(api);
    const table = await screen.findByRole('table', { name: 'Partners in Maternity (demo)' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));
    expect(rows.slice(1)).toEqual([
      ['Alex Example', 'Maternity voices partner', 'Active', '7 of 7 done', 'Tue 31 Mar 2026Due in 5 days'],
      ['Sam Sample', 'Maternity voices partner', 'Induction', '3 of 7 done', 'None due'],
      ['Kit Case', 'Maternity voices partner', 'Active', '7 of 7 done', 'Fri 20 Feb 2026Overdue by 3 days'],
    ]);
    expect(screen.getByRole('heading', { name: 'Maternity (demo)' })).toBeInTheDocument();
    expect(api.dashboards).toEqual([7]);
  });

  it("links each partner to their detail in the workstream's Teams tab", async () => {
    show(fakeApi({ dashboard: aDashboard([aRow()]) }));
    const link = await screen.findByRole('link', { name: 'Alex Example: open in Teams' });
    const href = new URL(link.getAttribute('href') ?? '');
    expect(`${href.origin}${href.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/workstream-7`);
    expect(JSON.parse(href.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'partner-21', channelId: '19:abc@thread.tacv2' });
  });

  it("reaches each partner's link by Tab in the table's order, and opens the one in focus with Enter", async () => {
    const user = userEvent.setup();
    show(
      fakeApi({
        dashboard: aDashboard([
          aRow(),
          aRow({ involvementId: 12, partnerId: 22, name: 'Sam Sample' }),
          aRow({ involvementId: 13, partnerId: 23, name: 'Kit Case' }),
        ]),
      }),
    );
    await screen.findByRole('table');
    const links = ['Alex Example', 'Sam Sample', 'Kit Case'].map((name) => screen.getByRole('link', { name: `${name}: open in Teams` }));
    for (const link of links) {
      await user.tab();
      expect(link).toHaveFocus();
    }
    await user.tab();
    expect(document.body).toHaveFocus();
    await user.tab({ shift: true });
    expect(links[2]).toHaveFocus();
    await user.tab({ shift: true });
    expect(links[1]).toHaveFocus();

    const opened: string[] = [];
    // jsdom cannot open a new window; the browser would open the link's address.
    links[1].addEventListener('click', (event) => {
      event.preventDefault();
      opened.push(links[1].getAttribute('href') ?? '');
    });
    await user.keyboard('{Enter}');
    expect(opened).toHaveLength(1);
    expect(decodeURIComponent(opened[0])).toContain('"subEntityId":"partner-22"');
  });

  it('names partners without a link when there is no Teams app id, or the workstream has no Teams channel yet', async () => {
    const { unmount } = show(fakeApi({ dashboard: aDashboard([aRow()]) }), 7, '');
    await screen.findByRole('table');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    unmount();
    show(fakeApi({ dashboard: aDashboard([aRow()], aWorkstream({ teamsChannelId: null })) }));
    expect(await screen.findByRole('cell', { name: 'Alex Example' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('asks for the app’s settings before it has them', () => {
    show(null);
    expect(screen.getByText('Set the Partner Pathway app’s address and its Entra application ID in the web part’s settings.')).toBeInTheDocument();
  });

  it('tells a person in no workstream whom to ask, and reads no dashboard', async () => {
    const api = fakeApi({ workstreams: [] });
    show(api);
    expect(
      await screen.findByText('You are not in any Partner Pathway workstream yet. Ask your workstream’s lead or the Engagement team to add you.'),
    ).toBeInTheDocument();
    expect(api.dashboards).toEqual([]);
  });

  it('asks for a workstream to be chosen when none is', async () => {
    show(fakeApi({}), 0);
    expect(await screen.findByText('Choose a workstream in the web part’s settings.')).toBeInTheDocument();
  });

  it.each([
    [{ kind: 'not-approved' as const }, /Ask your SharePoint administrator to approve the web part’s API permission/],
    [{ kind: 'unreachable' as const }, /Partner Pathway could not be reached\. Check the app’s address/],
    [{ kind: 'refused' as const, message: 'You are not a member of this workstream.' }, /^You are not a member of this workstream\.$/],
  ])('says plainly what to do when the app cannot be read (%j)', async (problem, message) => {
    show(fakeApi({ fail: new PathwayProblem(problem) }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says the workstream has no partners yet rather than showing an empty table', async () => {
    show(fakeApi({ dashboard: aDashboard([]) }));
    expect(await screen.findByText('Maternity (demo) has no partners yet.')).toBeInTheDocument();
  });

  it('is axe-clean with partners listed and with a message', async () => {
    const listed = show(fakeApi({ dashboard: aDashboard([aRow()]) }));
    await screen.findByRole('table');
    expect(await axeViolations(listed.container)).toEqual([]);
    listed.unmount();
    const message = show(fakeApi({ fail: new PathwayProblem({ kind: 'not-approved' }) }));
    await screen.findByText(/Ask your SharePoint administrator/);
    expect(await axeViolations(message.container)).toEqual([]);
  });
});
