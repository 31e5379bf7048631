/** @jest-environment jsdom */
import { within } from '@testing-library/react';
import { detail } from '../builders';
import { openPanel, section } from '../panel';

describe("the organisation's documents on the induction checklist", () => {
  it('links an item to the document it concerns', async () => {
    const { dialog } = await openPanel(
      detail({ documents: [{ taskId: 12, name: 'confidentiality agreement', url: 'https://example.org/confidentiality.pdf' }] }),
    );
    const checklist = section(dialog, 'Induction checklist');
    const link = within(checklist).getByRole('link', { name: 'Open the confidentiality agreement' });
    expect(link).toHaveAttribute('href', 'https://example.org/confidentiality.pdf');
    expect(within(checklist).getAllByRole('link')).toHaveLength(1);
  });

  it('shows no link where the server sends none', async () => {
    const { dialog } = await openPanel(detail());
    expect(within(section(dialog, 'Induction checklist')).queryByRole('link')).not.toBeInTheDocument();
  });
});
