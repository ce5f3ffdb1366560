/** The type of every JSON answer: errors, and the views sent as text a reads thread serialised. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
