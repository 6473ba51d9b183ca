/** Form field names of the section page, shared with its route (which must not load the page to know them). */
export const TEXT_FIELD = 'answer-text';
export const NTR_FIELD = 'answer-nothing';
/** The read-only copy of a draft that can no longer be saved (the section was locked meanwhile). */
export const UNSAVED_FIELD = 'unsaved-text';
