import { describe, expect, it } from 'vitest';
import { COLLAB_PATH } from '../../shared/protocol.ts';
import { precacheManifest } from './precacheManifest.ts';
import { swRoute } from './swRoute.ts';

const ORIGIN = 'http://127.0.0.1:8080';
const precached = new Set(['/index.html', '/assets/index-abc.js', '/assets/index-def.css']);
const route = (path: string, navigation = false) => swRoute(new URL(path, ORIGIN), ORIGIN, navigation, precached);

describe('what the service worker does with a request', () => {
  it('OFF2: pages of the app go to the network first, with the cached page behind; sign-in links always reach the server', () => {
    expect(route('/d/7fCW7r6OYVDGLWRG', true)).toBe('page');
    expect(route('/d/7fCW7r6OYVDGLWRG/', true)).toBe('page');
    expect(route('/', true)).toBe('page');
    expect(route('/d/7fCW7r6OYVDGLWRG?token=secret', true)).toBe('network');
    expect(route('/d/x/y', true)).toBe('network');
    expect(route('/d/7fCW7r6OYVDGLWRG/room', true)).toBe('page');
    expect(route('/d/7fCW7r6OYVDGLWRG/read', true)).toBe('page');
    expect(route('/d/7fCW7r6OYVDGLWRG/room?token=secret', true)).toBe('network');
  });

  it('OFF2: the API and the collaboration socket are never cached', () => {
    expect(route('/api/declarations/x/session')).toBe('network');
    expect(route('/api/declarations/x/session', true)).toBe('network');
    expect(route(`${COLLAB_PATH}/x`)).toBe('network');
    expect(route(COLLAB_PATH)).toBe('network');
  });

  it("OFF2: this build's files come from the cache; anything else, or another origin, is left alone", () => {
    expect(route('/assets/index-abc.js')).toBe('precached');
    expect(route('/assets/index-abc.js?v=2')).toBe('network');
    expect(route('/assets/index-old.js')).toBe('network');
    expect(swRoute(new URL('/assets/index-abc.js', 'http://elsewhere.example'), ORIGIN, false, precached)).toBe('network');
  });
});

describe('the precache list', () => {
  const build = [
    { fileName: 'index.html', source: '<script src="/assets/index-abc.js"></script>' },
    { fileName: 'assets/index-abc.js', source: 'app' },
    { fileName: 'assets/index-abc.js.map', source: '{}' },
    { fileName: 'assets/index-def.css', source: new Uint8Array([1, 2, 3]) },
    { fileName: 'sw.js', source: 'worker' },
  ];

  it('OFF2: every built file but the worker and source maps, as paths; the version changes with any file and only then', () => {
    const manifest = precacheManifest(build);
    expect(manifest.files).toEqual(['/assets/index-abc.js', '/assets/index-def.css', '/index.html']);
    expect(precacheManifest([...build].reverse()).version).toBe(manifest.version);
    expect(precacheManifest(build.map((f) => (f.fileName === 'sw.js' ? { ...f, source: 'changed' } : f))).version).toBe(manifest.version);
    const changed = build.map((f) => (f.fileName === 'assets/index-def.css' ? { ...f, source: new Uint8Array([1, 2, 4]) } : f));
    expect(precacheManifest(changed).version).not.toBe(manifest.version);
    expect(manifest.version).toMatch(/^[0-9a-z]+$/);
  });
});
