import { escapeRegExp } from '../format/regexp.js';

// A failed bind() or connect() raises inside the grader's port-mapping hook, so the student's traceback
// shows one frame of ours (File ".../hooks/python/_grader_port_map.py", line N, in _mapped_bind) between
// their line and the error. Reports show the traceback as the student's own run would: without it.
export function withoutHookFrames(stderr: Buffer, hookDir: string): Buffer {
  const marker = Buffer.from(`File "${hookDir}/`);
  if (!stderr.includes(marker)) return stderr;
  // latin1 maps each byte to one character and back: whatever else the stream holds is kept byte for byte.
  const text = stderr.toString('latin1');
  // A frame is its "  File" line and the lines indented deeper below it (the source line, carets).
  const frame = new RegExp(`^ *File "${escapeRegExp(hookDir)}/[^"\\n]*", line \\d+[^\\n]*\\n(?: {4,}[^\\n]*\\n)*`, 'gm');
  return Buffer.from(text.replace(frame, ''), 'latin1');
}
