import path from 'node:path';

/**
 * The server's configuration, read from the environment once at start and
 * validated here; every other module receives it as an argument. Each
 * variable is documented in README.md.
 */
export interface Config {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Folder holding the SQLite database and the link secret. */
  dataDir: string;
  /** The address participants open, used in the links the server prints. */
  publicUrl: string | null;
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** How long a declaration nobody is connected to stays in memory. */
  idleUnloadMs: number;
  /** How often every websocket is pinged; one silent for two intervals is dropped (WIRE8). */
  heartbeatMs: number;
  /**
   * How long a participant first waits to connect again after a refused
   * message, doubling with each (WIRE4). Not read from the environment:
   * only tests that send thousands of refused messages shorten it.
   */
  refusalWaitMs: number;
  /** "normal" survives a crash of the process; "full" also a power cut, at the cost of an fsync per edit. */
  durability: 'normal' | 'full';
  /** Folder of the built client. */
  clientDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max} (got ${value}).`);
  return value;
}

function url(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a full address such as http://192.168.1.20:8080 (got "${raw}").`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https:// (got "${raw}").`);
  }
  return parsed.origin;
}

export function readConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  if (/\s/.test(host)) throw new ConfigError(`HOST must be a host name or an address (got "${env.HOST}").`);
  const durability = (env.DURABILITY ?? 'normal').trim();
  if (durability !== 'normal' && durability !== 'full') {
    throw new ConfigError(`DURABILITY must be "normal" or "full" (got "${env.DURABILITY}").`);
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    dataDir: path.resolve(cwd, (env.DATA_DIR ?? '').trim() || './data'),
    publicUrl: url(env, 'PUBLIC_URL'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    idleUnloadMs: integer(env, 'IDLE_UNLOAD_SECONDS', 60, 0, 86_400) * 1000,
    heartbeatMs: integer(env, 'HEARTBEAT_SECONDS', 30, 1, 3600) * 1000,
    refusalWaitMs: 500,
    durability,
    // Another build's folder lets a browser test run against it while dist/ is being rebuilt.
    clientDir: (env.CLIENT_DIR ?? '').trim() ? path.resolve(cwd, env.CLIENT_DIR!.trim()) : path.resolve(import.meta.dirname, '../dist/client'),
  };
}

/** The shell's locale variables, for the admin command's language (server/admin/adminLanguage.ts, I18N8); the server itself speaks none. */
export function readLocale(env: Env = process.env): { LC_ALL?: string; LC_MESSAGES?: string; LANG?: string } {
  return { LC_ALL: env.LC_ALL, LC_MESSAGES: env.LC_MESSAGES, LANG: env.LANG };
}

/** The address to put in links: PUBLIC_URL, or this machine as seen from itself. */
export function publicBaseUrl(config: Config, actualPort = config.port): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
}
