import { UseCaseContext, type ServiceDeps } from './context';
import { InductionUseCases } from './induction';
import { InvolvementUseCases } from './involvements';
import { OneToOneUseCases } from './one-to-ones';
import { PartnerUseCases } from './partners';
import { RoleUseCases } from './roles';
import { ViewUseCases } from './views';
import { WorkstreamUseCases } from './workstreams';

/**
 * The pathway's use cases, grouped by what they act on. The bot, the tab API and
 * the demo seed all call these, so every rule is applied in one place. Inputs are
 * `unknown` and validated here: a caller passes what the person sent.
 */
export interface PathwayService {
  readonly workstreams: WorkstreamUseCases;
  readonly roles: RoleUseCases;
  readonly involvements: InvolvementUseCases;
  readonly induction: InductionUseCases;
  readonly oneToOnes: OneToOneUseCases;
  readonly partners: PartnerUseCases;
  readonly views: ViewUseCases;
}

export function createPathwayService(deps: ServiceDeps): PathwayService {
  const ctx = new UseCaseContext(deps);
  return {
    workstreams: new WorkstreamUseCases(ctx),
    roles: new RoleUseCases(ctx),
    involvements: new InvolvementUseCases(ctx),
    induction: new InductionUseCases(ctx),
    oneToOnes: new OneToOneUseCases(ctx),
    partners: new PartnerUseCases(ctx),
    views: new ViewUseCases(ctx),
  };
}

export type { PathwaySettings, ServiceDeps } from './context';
export type { RoleOutcome } from './roles';
export type { Dashboard, DashboardRow, PartnerDetail, RoleSummary, StageCounts } from './views';
