import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'breachbot-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A PATH with perl and the shell tools but no flock(1): a machine without util-linux. */
function pathWithoutFlock(): string {
  const bin = tempDir();
  for (const tool of ['perl', 'sh', 'cat']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
  return bin;
}

async function holder(dir: string, path = process.env.PATH!) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-lock.ts', dir], { env: { ...process.env, PATH: path }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
  return child;
}

function tryLock(dir: string, path = process.env.PATH!) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-lock.ts', dir], { env: { ...process.env, PATH: path }, encoding: 'utf8', timeout: 20_000 });
}

describe('data folder lock', () => {
  const perlOnly = spawnSync('perl', ['-e', '1']).status === 0;

  it('refuses a second holder and frees the lock when the holder is killed', async () => {
    const dir = tempDir();
    const first = await holder(dir);
    const second = tryLock(dir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is in use by another breachbot (pid ');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const third = await holder(dir);
    third.kill('SIGKILL');
  }, 60_000);

  (perlOnly ? it : it.skip)('without util-linux takes the same kernel lock through perl', async () => {
    const dir = tempDir();
    const path = pathWithoutFlock();
    const viaPerl = await holder(dir, path);
    try {
      // A bot with flock(1) sees the perl holder, and another perl holder does too.
      expect(tryLock(dir).status).toBe(1);
      expect(tryLock(dir, path).stderr).toContain('is in use by another breachbot');
    } finally {
      viaPerl.kill('SIGKILL');
    }
  }, 60_000);
});
