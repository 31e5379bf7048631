/** Links to the organisation's own documents, set in configuration; a document with no link is named without one. */
export interface DocumentLinks {
  readonly guideToPpp?: string;
  readonly expensesPolicy?: string;
  readonly confidentialityAgreement?: string;
  readonly involvementAgreement?: string;
  readonly coProductionFramework?: string;
}

/** One of the organisation's documents. */
export type DocumentName = keyof DocumentLinks;

/** How each document is named in text. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentName, string>> = {
  guideToPpp: 'guide to being a partner',
  expensesPolicy: 'expenses policy',
  confidentialityAgreement: 'confidentiality agreement',
  involvementAgreement: 'involvement agreement',
  coProductionFramework: 'co-production framework',
};

/** The documents an induction item can concern, each found by words in the item's label (templates name items freely). */
const ITEM_DOCUMENTS: readonly { readonly document: DocumentName; readonly words: RegExp }[] = [
  { document: 'guideToPpp', words: /\bguide to being a\b/i },
  { document: 'expensesPolicy', words: /\bexpenses policy\b/i },
  { document: 'confidentialityAgreement', words: /\bconfidentiality agreement\b/i },
  { document: 'involvementAgreement', words: /\binvolvement agreement\b/i },
];

/** A document linked from an induction item: its name in text and its link. */
export interface ItemDocument {
  readonly taskId: number;
  readonly name: string;
  readonly url: string;
}

/**
 * The document an induction item concerns, by its label ("Expenses policy explained"
 * concerns the expenses policy), or null when it concerns none.
 */
export function documentOfItem(label: string): DocumentName | null {
  return ITEM_DOCUMENTS.find((item) => item.words.test(label))?.document ?? null;
}

/** The links to show on a checklist's items: one for each item that concerns a document with a link set. */
export function itemDocuments(tasks: readonly { readonly id: number; readonly label: string }[], links: DocumentLinks): ItemDocument[] {
  return tasks.flatMap((task) => {
    const document = documentOfItem(task.label);
    const url = document ? links[document] : undefined;
    return document && url ? [{ taskId: task.id, name: DOCUMENT_NAMES[document], url }] : [];
  });
}
