import type { Benchmark } from './harness';
import { botTurns } from './suites/bot-turns';
import { dashboardSqlite } from './suites/dashboard-sqlite';
import { sharePointRequests } from './suites/sharepoint-requests';
import { startUp } from './suites/start-up';
import { tabBenchmark } from './suites/tab';

/** Every benchmark, in the order `npm run bench` runs them, with the id `--only` takes. */
export const BENCHMARKS: ReadonlyArray<{ readonly id: string; readonly benchmark: Benchmark }> = [
  { id: 'dashboard', benchmark: dashboardSqlite },
  { id: 'sharepoint', benchmark: sharePointRequests },
  { id: 'bot', benchmark: botTurns },
  { id: 'start-up', benchmark: startUp },
  { id: 'tab', benchmark: tabBenchmark },
];
