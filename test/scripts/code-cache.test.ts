import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * `npm start` loads the bundled bot through V8's code cache (scripts/code-cache.mjs). Whatever the
 * cache holds, the bot must load the same: a missing, stale or damaged cache is only slower.
 */
const loader = pathToFileURL(join(process.cwd(), 'scripts', 'code-cache.mjs')).href;

function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const file = join(dir, 'bundle.cjs');
  // A CommonJS module like esbuild's: exports, require of a core module, __filename, non-ASCII text.
  writeFileSync(
    file,
    `const { basename } = require('node:path');
     exports.greet = (name) => 'Hej ' + name + ' – velkommen';
     exports.file = basename(__filename);`,
  );
  return file;
}

/** Loads the bundle in a new node process, as start.mjs does, and prints what it exports. */
function load(file: string): { greet: string; file: string } {
  const script = `import { loadCommonJs } from ${JSON.stringify(loader)};
    const m = loadCommonJs(new URL(${JSON.stringify(pathToFileURL(file).href)}));
    console.log(JSON.stringify({ greet: m.greet('Åse'), file: m.file }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { greet: string; file: string };
}

describe('loading the bundle through the code cache', () => {
  it('writes the cache on the first load and loads the same module from it', () => {
    const file = bundle();
    const expected = { greet: 'Hej Åse – velkommen', file: 'bundle.cjs' };
    expect(load(file)).toEqual(expected);
    expect(existsSync(`${file}.cache`)).toBe(true);
    const cache = readFileSync(`${file}.cache`);
    expect(load(file)).toEqual(expected);
    // An accepted cache is not rewritten.
    expect(readFileSync(`${file}.cache`).equals(cache)).toBe(true);
  });

  it('runs a changed bundle as it now is, even when the change keeps its length (V8 checks only that)', () => {
    const file = bundle();
    expect(load(file).greet).toBe('Hej Åse – velkommen');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'Hej '", "'Hey '"));
    const later = new Date(statSync(file).mtimeMs + 2_000);
    utimesSync(file, later, later);
    expect(load(file).greet).toBe('Hey Åse – velkommen');
    expect(load(file).greet).toBe('Hey Åse – velkommen');
  });

  it('ignores a damaged cache and writes a good one in its place', () => {
    const file = bundle();
    const st = statSync(file);
    // The right header, then garbage where V8's data should be.
    writeFileSync(`${file}.cache`, `breachbot code cache for ${st.size} ${st.mtimeMs} ${st.ino}\nnot a V8 code cache`);
    expect(load(file)).toEqual({ greet: 'Hej Åse – velkommen', file: 'bundle.cjs' });
    expect(readFileSync(`${file}.cache`, 'utf8')).not.toContain('not a V8 code cache');
    expect(load(file).greet).toBe('Hej Åse – velkommen');
  });
});
