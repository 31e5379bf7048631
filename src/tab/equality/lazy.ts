import { lazy } from 'react';

/** The representativeness view, loaded when the Engagement team opens it. */
export const RepresentativenessView = lazy(() =>
  import('./representativeness-view').then((module) => ({ default: module.RepresentativenessView })),
);

/** The equality monitoring form, loaded when staff open it in the partner panel. */
export const MonitoringFormView = lazy(() => import('./monitoring-form').then((module) => ({ default: module.MonitoringFormView })));
