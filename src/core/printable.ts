// ANSI escape sequences: CSI (ESC [ or the 8-bit CSI U+009B, parameters, one final byte), OSC and
// the other string commands (ESC ] P X ^ _ … up to BEL or ESC \), and two-character escapes.
const ESCAPES = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -~]?/g;
// What is left of control characters: C0 and C1 controls and DEL, and the bidirectional format
// characters that reorder what a terminal or page shows.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to show in one line of a terminal or page: ANSI escape sequences removed, line breaks
 * and tabs made spaces, every other control character (C0, DEL, C1, bidirectional overrides)
 * removed. Printable text, Chinese included, is unchanged.
 */
export function printable(text: string): string {
  return text.replace(ESCAPES, '').replace(/[\t\n\r]/g, ' ').replace(CONTROLS, '');
}
