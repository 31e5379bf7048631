import { lazy } from 'react';

/** The representativeness view, loaded when the Engagement team opens it. */
export const RepresentativenessView = lazy(() =>
  import('./representativeness-view').then((module) => ({ default: module.RepresentativenessView })),
);
