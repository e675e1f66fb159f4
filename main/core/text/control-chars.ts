/** Control characters other than tab and newlines: no place in anything a person types or a website posts. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
