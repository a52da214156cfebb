/**
 * The one escaping function for text from files that reaches a terminal
 * (issue 20, item 13): control characters (ESC and the rest of C0 and C1, DEL)
 * and the bidirectional overrides that reorder what is shown are written as
 * visible escapes (\x1b, \u202e), so a zip entry name or a label cannot move
 * the cursor, recolour, retitle or hide text in the user's terminal. Line
 * breaks and tabs are kept unless `oneLine`.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function forTerminal(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROL_ONE_LINE : CONTROL, escape);
}
