import type { Involvement, PathwayService, Principal, Role, Workstream } from '../../src/domain';
import { cancelBooked, tickRequired } from '../domain/service/harness';
import { LEAD_PRINCIPAL } from './transcript-harness';

export const ENGAGEMENT_PRINCIPAL = { id: 'aad-nadia', name: 'Nadia Ali', email: '', tenantId: 'tenant' };

/** A role description complete enough to be Ready, closing and starting well after 2026-03-10. */
export const COMPLETE = {
  purpose: 'Bring lived experience of maternity care to the redesign of antenatal classes.',
  activities: 'Join monthly design meetings and review leaflets.',
  timeCommitment: 'About four hours a month',
  location: 'Online',
  paymentAndExpenses: 'Expenses paid. Anyone on benefits is offered independent benefits advice and may decline payment.',
  skillsWelcomed: 'Experience of maternity services as a parent or carer.',
  supportOffered: 'A named contact, one-to-ones and the Peer Support Network.',
  contact: 'Priya Shah, 07700 900123',
  closingDate: '2026-04-30',
  startDate: '2026-08-01',
  level: 2,
  accessibleFormats: ['Easy read'],
};

/** A workstream added by the lead; anyone in `members` joins it too. */
export async function workstream(service: PathwayService, title = 'Maternity', members: readonly Principal[] = []): Promise<Workstream> {
  const added = await service.workstreams.create(LEAD_PRINCIPAL, { title });
  for (const member of members)
    await service.members.add(LEAD_PRINCIPAL, { workstreamId: added.id, userId: member.id, userName: member.name });
  return added;
}

/** A Ready role led by `lead` (who becomes the named contact of everyone interested in it). */
export async function readyRole(
  service: PathwayService,
  workstreamId: number,
  title = 'Maternity partner',
  lead: Principal = LEAD_PRINCIPAL,
  description: Partial<typeof COMPLETE> & { termMonths?: number } = {},
): Promise<Role> {
  const planned = await service.roles.planRole(lead, { workstreamId, title, ...COMPLETE, ...description });
  return (await service.roles.markReady(lead, { roleId: planned.role.id, version: planned.role.version })).role;
}

export async function advertisedRole(
  service: PathwayService,
  workstreamId: number,
  title?: string,
  lead: Principal = LEAD_PRINCIPAL,
  description: Partial<typeof COMPLETE> & { termMonths?: number } = {},
): Promise<Role> {
  const ready = await readyRole(service, workstreamId, title, lead, description);
  const sent = await service.roles.sendAdvert(LEAD_PRINCIPAL, { roleId: ready.id, version: ready.version });
  const approved = await service.roles.approveAdvert(ENGAGEMENT_PRINCIPAL, {
    roleId: ready.id,
    version: sent.role.version,
    advertUrl: 'https://example.org/opportunities/maternity',
  });
  return approved.role;
}

export function interested(service: PathwayService, roleId: number, fullName = 'Maya Jones'): Promise<Involvement> {
  return service.involvements.recordInterest(LEAD_PRINCIPAL, { roleId, partner: { fullName, consentGiven: true, notesConsent: true } });
}

/** Moves an involvement on through the service, step by step, to `stage`. */
export async function at(
  service: PathwayService,
  involvement: Involvement,
  stage: 'Chat booked' | 'Chat held' | 'Offered' | 'Induction' | 'Active',
): Promise<Involvement> {
  const order = ['Chat booked', 'Chat held', 'Offered', 'Induction', 'Active'] as const;
  let current = involvement;
  for (const step of order.slice(order.indexOf(involvement.stage as (typeof order)[number]) + 1)) {
    const ref = { involvementId: current.id, version: current.version };
    if (step === 'Chat booked')
      current = await service.involvements.bookChat(LEAD_PRINCIPAL, { ...ref, at: '2026-03-12T10:00:00Z', where: 'Teams' });
    if (step === 'Chat held') current = await service.involvements.holdChat(LEAD_PRINCIPAL, ref);
    if (step === 'Offered')
      current = await service.involvements.makeOffer(LEAD_PRINCIPAL, {
        ...ref,
        reason: 'Recent experience of the service, and the time the role needs.',
      });
    if (step === 'Induction') current = await service.involvements.startInduction(LEAD_PRINCIPAL, ref);
    if (step === 'Active') {
      await tickRequired(service, current.id, current.inductionStartedDate ?? current.interestDate, [], LEAD_PRINCIPAL);
      // Each tick moved the involvement's stored progress on, and its version with it.
      const ticked = (await service.partnerViews.partnerDetail(LEAD_PRINCIPAL, current.id)).involvement;
      current = await service.involvements.activate(LEAD_PRINCIPAL, { involvementId: ticked.id, version: ticked.version });
      await cancelBooked(service, current.id, LEAD_PRINCIPAL);
    }
    if (step === stage) return current;
  }
  return current;
}

/**
 * A Maternity workstream whose lead has Sam Patel Active (a one-to-one due on 5 May 2026)
 * and Maya Jones in induction (8 required items left), in an advertised role closing on 30 April 2026.
 */
export async function dueThisWeek(service: PathwayService): Promise<void> {
  const ws = await workstream(service);
  const role = await advertisedRole(service, ws.id);
  await at(service, await interested(service, role.id, 'Sam Patel'), 'Active');
  await at(service, await interested(service, role.id, 'Maya Jones'), 'Induction');
}
