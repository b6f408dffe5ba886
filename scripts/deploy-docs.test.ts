import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * deploy/ is prose, but some of it must match the code: the region hosts (src/config/target.ts),
 * the CSP shown in hosting.md and served by the nginx example, and the sandbox flags the
 * integration gets and the emulator's desktop page uses.
 */
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** `key: 'value'` pairs of one object literal (exported or module-local) in a source file. */
function objectEntries(source: string, name: string): [string, string][] {
  const body = new RegExp(`(?:export )?const ${name}[^{]*\\{([\\s\\S]*?)\\n\\};`).exec(source)?.[1];
  if (!body) throw new Error(`${name} not found`);
  return [...body.matchAll(/'?([\w-]+)'?: '([^']+)'/g)].map((m) => [m[1]!, m[2]!]);
}

const target = read('src/config/target.ts');
const REGIONS = objectEntries(target, 'REGIONS');
const TARGET_ENVS = objectEntries(target, 'TARGET_ENVS');
const hosting = read('deploy/hosting.md');

describe('deploy/', () => {
  it('lists every region of the widget with its environment and gcTargetEnv', () => {
    expect(REGIONS.length).toBeGreaterThan(10);
    const rows = [
      ...hosting.matchAll(/^\| `(\w+)`\s+\| `([\w.-]+)`\s+\| (?:`([\w-]+)`|–)\s+\|$/gm),
    ];
    expect(rows.map((m) => [m[1], m[2], m[3]])).toEqual(
      REGIONS.map(([key, env]) => [key, env, TARGET_ENVS.find(([, e]) => e === env)?.[0]]),
    );
  });

  it('gives frame-ancestors for every region', () => {
    const line = /^frame-ancestors (https:\/\/apps\.\S+(?: https:\/\/apps\.\S+)*)$/m.exec(hosting);
    expect(line?.[1]?.split(' ')).toEqual(REGIONS.map(([, env]) => `https://apps.${env}`));
  });

  it('serves from the nginx example the CSP that hosting.md shows', () => {
    const shown = /Content-Security-Policy: ([\s\S]*?)\n```/
      .exec(hosting)?.[1]
      ?.replace(/\s+/g, ' ');
    const nginx = /add_header Content-Security-Policy "([^"]+)" always;/.exec(
      read('deploy/nginx/live-call-panel.conf'),
    )?.[1];
    expect(shown).toBeDefined();
    expect(nginx).toBe(shown);
    for (const directive of ["script-src 'self'", "style-src 'self'", "object-src 'none'"])
      expect(nginx).toContain(directive);
    expect(nginx).not.toContain('unsafe');
  });

  it("documents the sandbox flags the emulator's desktop page gives the widget", () => {
    const documented = /^\| `sandbox`[^|]*\| `([\w,-]+)`/m.exec(
      read('deploy/interaction-widget.md'),
    );
    const script = read('emulator/src/control/desktop-host/widgets.js');
    const used = /const SANDBOX =\s*((?:'[^']*'\s*\+?\s*)+);/.exec(script)?.[1];
    const flags = (used ?? '')
      .replace(/'\s*\+\s*'/g, '')
      .replace(/'/g, '')
      .trim()
      .split(/\s+/);
    expect(documented?.[1]?.split(',').sort()).toEqual(flags.sort());
    expect(flags).toContain('allow-popups-to-escape-sandbox');
  });
});
