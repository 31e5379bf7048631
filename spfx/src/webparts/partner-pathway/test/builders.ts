import type { Dashboard, DashboardRow, Workstream } from '../contract';
import type { PathwayApi } from '../pathway-api';

export const TEAMS_APP_ID = '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

export function aWorkstream(overrides: Partial<Workstream> = {}): Workstream {
  return { id: 7, title: 'Maternity (demo)', teamsChannelId: '19:abc@thread.tacv2', ...overrides };
}

export function aRow(overrides: Partial<DashboardRow> = {}): DashboardRow {
  return {
    involvementId: 11,
    partnerId: 21,
    name: 'Alex Example',
    preferredName: null,
    roleTitle: 'Maternity voices partner',
    stage: 'Active',
    induction: { done: 7, total: 7, missingRequired: [] },
    nextOneToOne: { due: '2026-03-31', state: 'due-soon', daysUntilDue: 5 },
    ...overrides,
  };
}

export function aDashboard(rows: DashboardRow[], workstream: Workstream = aWorkstream()): Dashboard {
  return { workstream, rows };
}

/** An API that answers from memory, or fails as `fail` says. */
export function fakeApi(answers: { workstreams?: Workstream[]; dashboard?: Dashboard; fail?: unknown }): PathwayApi & { dashboards: number[] } {
  const dashboards: number[] = [];
  const answer = <T>(value: T | undefined): Promise<T> =>
    answers.fail !== undefined ? Promise.reject(answers.fail) : Promise.resolve(value as T);
  return {
    dashboards,
    workstreams: () => answer(answers.workstreams ?? [aWorkstream()]),
    dashboard: (workstreamId) => {
      dashboards.push(workstreamId);
      return answer(answers.dashboard);
    },
  };
}
