import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Fills in the add-a-colleague form (outside Teams) with a name and an Entra object id, and presses its Add button. */
export async function addColleague(form: HTMLElement, name: string, objectId: string): Promise<void> {
  await userEvent.type(within(form).getByRole('textbox', { name: /^Name/ }), name);
  await userEvent.type(within(form).getByRole('textbox', { name: /^Entra object id/ }), objectId);
  await userEvent.click(within(form).getByRole('button', { name: /^Add to / }));
}
