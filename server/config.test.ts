import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, publicBaseUrl, readConfig } from './config.ts';

const cwd = path.resolve('/srv/consenso');

/** The ConfigError readConfig throws for this environment. */
function errorFor(env: Record<string, string>): ConfigError {
  try {
    readConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('readConfig', () => {
  it('CONF1: an empty environment gives the documented defaults', () => {
    const config = readConfig({}, cwd);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.join(cwd, 'data'),
      publicUrl: null,
      maxMessageBytes: 4 * 1024 * 1024,
      idleUnloadMs: 60_000,
      heartbeatMs: 30_000,
      refusalWaitMs: 500,
      durability: 'normal',
    });
    expect(path.isAbsolute(config.clientDir)).toBe(true);
    expect(config.clientDir.endsWith(path.join('dist', 'client'))).toBe(true);
  });

  it('CONF1: CLIENT_DIR names another build, resolved against the working folder', () => {
    expect(readConfig({ CLIENT_DIR: 'other/build' }, cwd).clientDir).toBe(path.join(cwd, 'other', 'build'));
  });

  it('CONF1: empty values count as unset', () => {
    const config = readConfig({ PORT: '', HOST: ' ', DATA_DIR: '', PUBLIC_URL: '', MAX_MESSAGE_BYTES: '', IDLE_UNLOAD_SECONDS: '' }, cwd);
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: path.join(cwd, 'data'), publicUrl: null, idleUnloadMs: 60_000 });
  });

  it('CONF1: good values are taken, DATA_DIR resolved against the working folder', () => {
    const config = readConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'state/consenso',
        PUBLIC_URL: 'https://consenso.example.org/ignored/path',
        MAX_MESSAGE_BYTES: '1048576',
        IDLE_UNLOAD_SECONDS: '5',
        HEARTBEAT_SECONDS: '10',
        DURABILITY: 'full',
      },
      cwd,
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: path.join(cwd, 'state/consenso'),
      publicUrl: 'https://consenso.example.org',
      maxMessageBytes: 1_048_576,
      idleUnloadMs: 5000,
      heartbeatMs: 10_000,
      durability: 'full',
    });
    expect(readConfig({ DATA_DIR: '/var/lib/consenso' }, cwd).dataDir).toBe(path.resolve('/var/lib/consenso'));
    expect(readConfig({ PORT: '0' }, cwd).port).toBe(0);
    expect(readConfig({ PORT: '65535' }, cwd).port).toBe(65535);
    expect(readConfig({ IDLE_UNLOAD_SECONDS: '0' }, cwd).idleUnloadMs).toBe(0);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PUBLIC_URL', 'ftp://x'],
    ['PUBLIC_URL', 'not a url'],
    ['DURABILITY', 'maybe'],
    ['MAX_MESSAGE_BYTES', '10'],
    ['MAX_MESSAGE_BYTES', 'lots'],
    ['IDLE_UNLOAD_SECONDS', '-5'],
    ['IDLE_UNLOAD_SECONDS', '100000'],
    ['HEARTBEAT_SECONDS', '0'],
    ['HEARTBEAT_SECONDS', 'often'],
    ['HOST', 'my host'],
  ])('CONF1: %s=%j stops the start with a message naming the variable', (name, value) => {
    const error = errorFor({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(name);
    expect(error.message).toContain(value);
  });

  it('CONF1: the address in links is PUBLIC_URL, or this machine with the actual port', () => {
    expect(publicBaseUrl(readConfig({ PUBLIC_URL: 'http://192.168.1.20:8080/' }, cwd), 1234)).toBe('http://192.168.1.20:8080');
    expect(publicBaseUrl(readConfig({}, cwd))).toBe('http://localhost:8080');
    expect(publicBaseUrl(readConfig({ HOST: '0.0.0.0' }, cwd), 4321)).toBe('http://localhost:4321');
    expect(publicBaseUrl(readConfig({ HOST: 'consenso.lan' }, cwd), 80)).toBe('http://consenso.lan:80');
    expect(publicBaseUrl(readConfig({ HOST: 'fe80::1' }, cwd), 80)).toBe('http://[fe80::1]:80');
  });
});
