import { lazy } from 'react';

/** The people panel, loaded on first use: most visits to a view never open it. */
export const PeoplePanel = lazy(() => import('./people-panel').then((module) => ({ default: module.PeoplePanel })));
