import { lazy } from 'react';

/** The roles view, loaded on first use: the partners come first, and most visits never open the roles. */
export const RolesPanel = lazy(() => import('./roles-panel').then((module) => ({ default: module.RolesPanel })));
