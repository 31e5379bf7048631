import { daysBetween, longDate, type CalendarDate } from './calendar';
import { RefusedError } from './errors';
import { metaOf } from './schema/columns';
import { roles, type Fields, type RoleStatus } from './schema/lists';

type RoleFields = Fields<'roles'>;

/** Where each role status may go next. Advertised is reached only by the Engagement team's approval. */
export const ROLE_TRANSITIONS: Readonly<Record<RoleStatus, readonly RoleStatus[]>> = {
  Draft: ['Ready', 'Closed'],
  Ready: ['Draft', 'Advertised', 'Closed'],
  Advertised: ['Filled', 'Closed'],
  Filled: ['Closed'],
  Closed: [],
};

/** The fields a complete role description needs before the role can be Ready. */
export const DESCRIPTION_FIELDS = [
  'title',
  'purpose',
  'activities',
  'timeCommitment',
  'location',
  'paymentAndExpenses',
  'skillsWelcomed',
  'supportOffered',
  'contact',
  'closingDate',
  'level',
  'accessibleFormats',
] as const satisfies ReadonlyArray<keyof RoleFields>;

/** The planning rules an organisation may set for itself. */
export interface RoleSettings {
  /** Recruitment usually takes 2 to 4 months; a start date sooner than this many weeks away is warned about. */
  readonly recruitmentLeadWeeks: number;
  /** Involvement levels (NHS England's 1 to 4) that are offered an involvement payment. */
  readonly paidLevels: readonly number[];
}

export const DEFAULT_ROLE_SETTINGS: RoleSettings = { recruitmentLeadWeeks: 8, paidLevels: [4] };

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The readable names of the description fields still empty, in form order. */
export function missingDescription(role: Partial<RoleFields>): string[] {
  return DESCRIPTION_FIELDS.filter((field) => isBlank(role[field])).map((field) => metaOf(roles.fields[field]).title);
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Checks a role status change against the flow and its guards, throwing a
 * {@link RefusedError} with a sentence the recruiting lead can act on.
 */
export function checkRoleTransition(role: RoleFields, to: RoleStatus, today: CalendarDate): void {
  if (!ROLE_TRANSITIONS[role.status].includes(to)) {
    const next = ROLE_TRANSITIONS[role.status];
    const options = next.length > 0 ? `From ${role.status} it can go to ${listInWords(next)}.` : `${role.status} is final.`;
    throw new RefusedError('role-status-not-allowed', `"${role.title}" is ${role.status}, so it cannot become ${to}. ${options}`, {
      from: role.status,
      to,
    });
  }
  if (to === 'Ready' || to === 'Advertised') {
    const missing = missingDescription(role);
    if (missing.length > 0) {
      throw new RefusedError(
        'description-incomplete',
        `"${role.title}" cannot be ${to} yet: the role description still needs ${listInWords(missing.map((m) => m.toLowerCase()))}.`,
        { missing },
      );
    }
    if (role.closingDate && role.closingDate < today) {
      throw new RefusedError(
        'closing-date-passed',
        `"${role.title}" cannot be ${to}: its closing date (${longDate(role.closingDate)}) has passed. Choose a later closing date first.`,
        { closingDate: role.closingDate },
      );
    }
  }
}

/**
 * Advice, not refusals, for a role being planned: a start date that leaves less
 * time than recruitment usually takes, a closing date after the start date.
 */
export function planningWarnings(role: Partial<RoleFields>, today: CalendarDate, settings: RoleSettings): string[] {
  const warnings: string[] = [];
  if (role.startDate) {
    const weeks = Math.floor(daysBetween(today, role.startDate) / 7);
    if (weeks < settings.recruitmentLeadWeeks) {
      warnings.push(
        `The start date is ${weeks < 0 ? 'in the past' : `${weeks} week${weeks === 1 ? '' : 's'} away`}. Recruiting a partner usually takes 2 to 4 months from planning to starting, so consider a later start or allow extra support.`,
      );
    }
  }
  if (role.startDate && role.closingDate && role.closingDate > role.startDate) {
    warnings.push('The closing date is after the start date. Partners need time for a chat and an induction before they start.');
  }
  if (role.level !== undefined && isPaidLevel(role.level, settings) && !/benefit/i.test(role.paymentAndExpenses ?? '')) {
    warnings.push(
      `Level ${role.level} roles are paid under your organisation's rules. Say under payment and expenses that anyone who receives benefits will be offered independent benefits advice, and that they may decline payment.`,
    );
  }
  return warnings;
}

/** Whether a role at this involvement level is offered an involvement payment under the organisation's rule. */
export function isPaidLevel(level: number | null, settings: Pick<RoleSettings, 'paidLevels'>): boolean {
  return level !== null && settings.paidLevels.includes(level);
}
