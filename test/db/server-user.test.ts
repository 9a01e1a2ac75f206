import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passwdIds } from '../../src/db/server-user.js';

function passwdFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'passwd-')), 'passwd');
  writeFileSync(file, text);
  return file;
}

describe('the embedded server user read from /etc/passwd', () => {
  it('finds the named user only, not one whose name starts the same', () => {
    const file = passwdFile(
      ['root:x:0:0:root:/root:/bin/bash', 'postgres2:x:900:900::/x:/bin/sh', 'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash', ''].join('\n'),
    );
    expect(passwdIds('postgres', file)).toEqual({ uid: 101, gid: 104 });
    expect(passwdIds('postgres2', file)).toEqual({ uid: 900, gid: 900 });
  });

  it('answers nothing for a missing user, a damaged line or a missing file (the `id` command is asked then)', () => {
    const file = passwdFile('root:x:0:0:root:/root:/bin/bash\npostgres:x:abc:104::/:/bin/sh\n');
    expect(passwdIds('nobody-here', file)).toBeUndefined();
    expect(passwdIds('postgres', file)).toBeUndefined();
    expect(passwdIds('postgres', join(tmpdir(), 'no-such-passwd-file'))).toBeUndefined();
  });

  it("agrees with `id` for this machine's postgres user", () => {
    let expected: { uid: number; gid: number } | undefined;
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      expected = { uid: id('-u'), gid: id('-g') };
    } catch {
      return; // no such user here: nothing to compare
    }
    expect(passwdIds('postgres')).toEqual(expected);
  });
});
