import { lazy } from 'react';

/** The induction template editor, loaded on first use: most visits never open the Checklist view. */
export const TemplateEditor = lazy(() => import('./template-editor').then((module) => ({ default: module.TemplateEditor })));
