import { describe, expect, it } from 'vitest';
import { withoutHookFrames } from './hook-frames.js';

const hookDir = '/opt/grader/harness/hooks/python';

describe('withoutHookFrames', () => {
  it("drops the hook's frame and keeps the student's frames and the error", () => {
    const stderr = [
      'Traceback (most recent call last):',
      '  File "simpleTCPServeur.py", line 9, in <module>',
      "    s.bind(('localhost', 3000))",
      `  File "${hookDir}/_grader_port_map.py", line 48, in _mapped_bind`,
      '    result = _original_bind(self, target)',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      'OSError: [Errno 98] Address already in use',
      '',
    ].join('\n');
    expect(withoutHookFrames(Buffer.from(stderr), hookDir).toString()).toBe(
      [
        'Traceback (most recent call last):',
        '  File "simpleTCPServeur.py", line 9, in <module>',
        "    s.bind(('localhost', 3000))",
        'OSError: [Errno 98] Address already in use',
        '',
      ].join('\n'),
    );
  });

  it('keeps every byte of a stream without hook frames, invalid UTF-8 included', () => {
    const stderr = Buffer.from([0x66, 0xff, 0xfe, 0x0a, 0xc3, 0xa9]);
    expect(withoutHookFrames(stderr, hookDir)).toBe(stderr);
  });

  it('keeps the bytes around a hook frame unchanged', () => {
    const before = Buffer.from([0xe9, 0x0a]); // "é" in latin1, invalid alone in UTF-8
    const frame = Buffer.from(`  File "${hookDir}/sitecustomize.py", line 3, in <module>\n    import x\n`);
    const after = Buffer.from('Arr\xc3\xaat\n', 'latin1');
    expect(withoutHookFrames(Buffer.concat([before, frame, after]), hookDir)).toEqual(Buffer.concat([before, after]));
  });

  it("leaves a frame of another folder's file of the same name", () => {
    const stderr = '  File "/home/alice/_grader_port_map.py", line 1, in <module>\n    x\n';
    expect(withoutHookFrames(Buffer.from(stderr), hookDir).toString()).toBe(stderr);
  });
});
