import {
  FluentProvider,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  webLightTheme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The tab benchmark's floor: a blank Fluent UI page that makes the tab's one API call
 * (the workstream's dashboard) and shows a one-row table once it has answered.
 */
function FloorPage() {
  const [partners, setPartners] = useState<number | undefined>();
  useEffect(() => {
    const workstream = new URLSearchParams(window.location.search).get('workstream');
    fetch(`/api/workstreams/${workstream}/dashboard`)
      .then((response) => response.json() as Promise<{ rows: unknown[] }>)
      .then((dashboard) => setPartners(dashboard.rows.length));
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      {partners !== undefined && (
        <Table aria-label="Partners" aria-rowcount={2}>
          <TableHeader>
            <TableRow aria-rowindex={1}>
              <TableHeaderCell>Partners</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow aria-rowindex={2}>
              <TableCell>{partners}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </FluentProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <FloorPage />
  </StrictMode>,
);
