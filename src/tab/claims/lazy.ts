import { lazy } from 'react';

/** The workstream's Payments view, loaded when it is opened. */
export const PaymentsView = lazy(() => import('./payments-view').then((module) => ({ default: module.PaymentsView })));
