// Base64 for the typed columns of a workspace file.
// Base64 (RFC 4648, with padding), strict: a text of the wrong length or with any other character is refused.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  const codes = new Uint16Array((CHUNK / 3) * 4);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let k = 0;
    let i = start;
    for (; i + 2 < end; i += 3) {
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes[k++] = ALPHABET.charCodeAt(v >> 18);
      codes[k++] = ALPHABET.charCodeAt((v >> 12) & 63);
      codes[k++] = ALPHABET.charCodeAt((v >> 6) & 63);
      codes[k++] = ALPHABET.charCodeAt(v & 63);
    }
    if (i < end) {
      const two = i + 1 < end;
      const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
      codes[k++] = ALPHABET.charCodeAt(v >> 18);
      codes[k++] = ALPHABET.charCodeAt((v >> 12) & 63);
      codes[k++] = two ? ALPHABET.charCodeAt((v >> 6) & 63) : 61;
      codes[k++] = 61; // '='
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, k) as unknown as number[]));
  }
  return parts.join('');
}

/** The bytes of `text`, which must encode exactly `byteLength` bytes; null for any other text. */
export function base64Decode(text: string, byteLength: number): Uint8Array<ArrayBuffer> | null {
  if (text.length !== Math.ceil(byteLength / 3) * 4) return null;
  const out = new Uint8Array(byteLength);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const pad = last ? byteLength - o : 3; // bytes this group holds: 1, 2 or 3
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = pad > 1 ? sextet(text, i + 2) : text.charCodeAt(i + 2) === 61 ? 0 : -1;
    const d = pad > 2 ? sextet(text, i + 3) : text.charCodeAt(i + 3) === 61 ? 0 : -1;
    if ((a | b | c | d) < 0) return null;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    if (pad > 1) out[o++] = (v >> 8) & 255;
    if (pad > 2) out[o++] = v & 255;
  }
  return out;
}

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? DECODE[code]! : -1;
}
