import { z } from 'zod';
import { RefusedError } from './errors';
import { partners, type Partner } from './schema/lists';

/**
 * How a person's contact details are checked when staff type them in (logging
 * interest, correcting details). Stored records are read as they are, so an older
 * value never stops a record from opening.
 */

/** An email address as people type one: something@somewhere.tld, nothing around it; kept in lower case, so the same address always matches. */
export const emailInput = partners.fields.email
  .unwrap()
  .pipe(z.email({ error: 'Email must be an address like name@example.org. Leave it empty if they have none.' }))
  .transform((email) => email.toLowerCase())
  .nullable();

/** A phone number: digits, spaces and + ( ) -, with at least 7 digits; kept with single spaces, so the same number typed twice matches. */
export const phoneInput = partners.fields.phone
  .unwrap()
  .refine((value) => /^[+\d\s()-]+$/.test(value) && value.replace(/\D/g, '').length >= 7, {
    error: 'Phone must be a number, like 07700 900123 or +44 20 7946 0000. Leave it empty if they have none.',
  })
  .transform((phone) => phone.replace(/\s+/g, ' '))
  .nullable();

const NEEDS: Readonly<Record<string, { readonly field: 'email' | 'phone' | 'postalAddress'; readonly what: string }>> = {
  Email: { field: 'email', what: 'an email address' },
  Phone: { field: 'phone', what: 'a phone number' },
  'Text message': { field: 'phone', what: 'a phone number' },
  Post: { field: 'postalAddress', what: 'a postal address' },
};

/** Refuses a preferred way of contact the record gives no means for (Post with no address, say). */
export function checkPreferredContact(
  partner: Pick<Partner, 'fullName' | 'preferredName' | 'email' | 'phone' | 'postalAddress' | 'preferredContact'>,
): void {
  const need = partner.preferredContact ? NEEDS[partner.preferredContact] : undefined;
  if (!need || partner[need.field]) return;
  const name = partner.preferredName?.trim() || partner.fullName;
  throw new RefusedError(
    'contact-method-without-details',
    `${name}'s preferred way to be contacted is ${partner.preferredContact}, but there is no ${need.what.replace(/^an? /, '')} for them. Add ${need.what}, or choose another way.`,
    { field: need.field },
  );
}
