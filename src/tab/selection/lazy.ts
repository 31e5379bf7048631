import { lazy } from 'react';

/** The selection summary, loaded when the Engagement team opens it. */
export const SelectionView = lazy(() => import('./selection-view').then((module) => ({ default: module.SelectionView })));
