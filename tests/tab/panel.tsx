import { screen, within } from '@testing-library/react';
import type { ApiClient } from '../../src/tab/api/client';
import type { PartnerDetail } from '../../src/tab/api/types';
import { PartnerDrawer } from '../../src/tab/partner-drawer';
import { fakeApi } from './fake-api';
import { renderInFluent } from './render';

/** The day the panel tests are set on. */
export const TODAY = '2026-03-02';

/**
 * Opens the partner panel on `shown` (or on what `api.partnerDetail` answers), as the
 * workstream tab does, and waits for it to be read.
 */
export async function openPanel(
  shown: PartnerDetail,
  api: jest.Mocked<ApiClient> = fakeApi({ partnerDetail: jest.fn(async () => shown) }),
) {
  const onClose = jest.fn();
  const onChanged = jest.fn();
  renderInFluent(
    <PartnerDrawer
      api={api}
      open
      involvementId={shown.involvement.id}
      name={shown.partner.fullName}
      today={TODAY}
      onClose={onClose}
      onChanged={onChanged}
    />,
  );
  const dialog = await screen.findByRole('dialog', { name: shown.partner.fullName });
  await within(dialog).findByRole('heading', { name: 'One-to-ones' });
  return { api, dialog, onClose, onChanged };
}

/** The panel's section headed `title`. */
export function section(dialog: HTMLElement, title: string): HTMLElement {
  return within(dialog).getByRole('region', { name: title });
}
