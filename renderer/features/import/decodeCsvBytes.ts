import type { DetectedEncoding } from './types';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: DetectedEncoding }
  | { readonly ok: false; readonly problem: 'excelWorkbook' | 'binary' };

/**
 * Turns the bytes of a CSV file into text, whatever Excel saved it as. Chinese Excel writes "CSV"
 * in the system code page (GBK) without a BOM, "CSV UTF-8" with a BOM, and "Unicode text" as
 * UTF-16LE with a BOM. So: a BOM decides; otherwise a file that is valid UTF-8 is UTF-8 (GBK text
 * is almost never valid UTF-8), and anything else is read as GB18030, the superset of GBK that
 * Chromium and Node both decode.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2)) return { ok: false, problem: 'excelWorkbook' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decoded(bytes, 'utf-8', 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(bytes, 'utf-16le', 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(bytes, 'utf-16be', 'utf-16be');
  // NUL never occurs in 8-bit text files; it is the cheapest sign of an image, PDF or executable.
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, problem: 'binary' };
  for (const [label, encoding] of [['utf-8', 'utf-8'], ['gb18030', 'gb18030']] as const) {
    const text = tryDecode(bytes, label);
    if (text !== null) return looksLikeText(text) ? { ok: true, text, encoding } : { ok: false, problem: 'binary' };
  }
  return { ok: false, problem: 'binary' };
}

const SNIFF_BYTES = 8192;
/** .xlsx (and any other zip) starts "PK\x03\x04"; the old binary .xls is an OLE2 compound file. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function decoded(bytes: Uint8Array, label: string, encoding: DetectedEncoding): DecodeResult {
  // The decoder drops the BOM itself (ignoreBOM defaults to false). A stray bad sequence after a
  // BOM becomes U+FFFD rather than refusing a file whose encoding is not in doubt.
  const text = new TextDecoder(label).decode(bytes);
  return looksLikeText(text) ? { ok: true, text, encoding } : { ok: false, problem: 'binary' };
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    // A fatal decoder throws TypeError on bytes that are not valid in this encoding: try the next.
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/** Control characters other than tab and line breaks are rare in text and common in binaries. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) control++;
  }
  return control <= sample.length * 0.01;
}
