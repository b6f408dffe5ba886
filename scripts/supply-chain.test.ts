import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * What `npm install` brings in is decided by package.json, .npmrc and package-lock.json together;
 * these tests keep the three in step. Peers are not installed by themselves (.npmrc), so the
 * lock holds only what something here depends on, every peer a package needs is satisfied by a
 * dependency of ours, and the Node range in `engines` is one every locked package accepts.
 */
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  peer?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  engines?: Record<string, string> | string[];
}

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const entries = Object.entries(lock.packages).filter(([path]) => path !== '');

/** Peers a package declares that nothing here uses, so they stay uninstalled: package → peers. */
const UNUSED_PEERS: Record<string, string[]> = {
  // The Client App SDK names the snyk CLI and its HTML reporter as peers; neither is imported.
  'purecloud-client-app-sdk': ['snyk', 'snyk-to-html'],
};

/** The package name of a lock path (`node_modules/a/node_modules/@s/b` → `@s/b`). */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 13);

/** The lock entry that `name` resolves to from the package at `from`, as Node would find it. */
function resolve(from: string, name: string): LockEntry | undefined {
  let dir = from;
  for (;;) {
    const found = lock.packages[`${dir === '' ? '' : `${dir}/`}node_modules/${name}`];
    if (found) return found;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

describe('the dependency tree', () => {
  it('installs no peer that only an unused peer dependency brings in', () => {
    const unused = new Set(Object.values(UNUSED_PEERS).flat());
    expect(entries.filter(([path]) => unused.has(nameOf(path))).map(([path]) => path)).toEqual([]);
    expect(entries.filter(([, entry]) => entry.peer).map(([path]) => path)).toEqual([]);
    expect(entries.filter(([path]) => /(^|\/)@sentry\//.test(path))).toEqual([]);
    // Without it, the next `npm install` would put them back into the lock file.
    expect(read('.npmrc')).toMatch(/^legacy-peer-deps=true$/m);
  });

  it('satisfies every peer dependency of every locked package, but the unused ones', () => {
    const unmet: string[] = [];
    for (const [path, entry] of entries) {
      for (const [peer, range] of Object.entries(entry.peerDependencies ?? {})) {
        const found = resolve(path, peer);
        const optional = entry.peerDependenciesMeta?.[peer]?.optional === true;
        if (!found) {
          if (!optional && !UNUSED_PEERS[nameOf(path)]?.includes(peer))
            unmet.push(`${path} → ${peer}`);
        } else if (!semver.satisfies(found.version ?? '', range, { includePrerelease: true })) {
          unmet.push(`${path} → ${peer}@${range}, locked ${found.version}`);
        }
      }
    }
    expect(unmet).toEqual([]);
    expect(resolve('node_modules/react-dom', 'react')?.version).toBe(
      lock.packages['node_modules/react']?.version,
    );
  });

  it('is the tree package.json asks for', () => {
    const root = lock.packages[''];
    expect(root?.dependencies).toEqual(manifest.dependencies);
    expect(root?.devDependencies).toEqual(manifest.devDependencies);
    expect(root?.engines).toEqual(manifest.engines);
  });
});

describe('engines', () => {
  it('claims no Node version that a locked package refuses', () => {
    const refusing = entries.flatMap(([path, entry]) => {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return node && !semver.subset(manifest.engines.node, node) ? [`${path}: ${node}`] : [];
    });
    expect(refusing).toEqual([]);
  });

  it('admits the Node that runs these tests', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
