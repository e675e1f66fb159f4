/**
 * What text may contain, wherever it enters (website intake, the desk's API, sync). One definition, so
 * the hub and the desk can never disagree about what is acceptable.
 */

/** Control characters other than tab and newlines: no place in anything a person types or a website posts. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Bidirectional formatting characters: they can make a name read backwards (U+202E) or hide text. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Ill-formed UTF-16 (an unpaired surrogate) becomes U+FFFD when it is encoded for storage or the wire, so
 * two different strings would be stored as the same one: refused at the door instead.
 */
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

const UNSAFE_GLOBAL = new RegExp(`${CONTROL_CHARS.source}|${BIDI_CONTROLS.source}|${LONE_SURROGATE.source}`, 'g');

/**
 * Makes text from an untrusted, signed-out caller safe to record and show: every control, bidi or
 * unpaired-surrogate character becomes U+FFFD, visibly, instead of acting on the text around it.
 */
export const neutralise = (s: string): string => s.replace(UNSAFE_GLOBAL, '\ufffd');
