// Bytes shown the way a Python student reads them: b'i am the server\n'.
export function pythonBytesLiteral(bytes: Buffer): string {
  let body = '';
  for (const byte of bytes) {
    if (byte === 0x5c) body += '\\\\';
    else if (byte === 0x27) body += "\\'";
    else if (byte === 0x0a) body += '\\n';
    else if (byte === 0x0d) body += '\\r';
    else if (byte === 0x09) body += '\\t';
    else if (byte >= 0x20 && byte < 0x7f) body += String.fromCharCode(byte);
    else body += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `b'${body}'`;
}

// Space-separated hex, cut after a limit so a flood of bytes stays readable.
export function hexBytes(bytes: Buffer, limit = 256): string {
  const shown = [...bytes.subarray(0, limit)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > limit ? `${shown} … (${bytes.length} bytes)` : shown;
}
