import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Link tokens. A token is HMAC-SHA256(secret, participant id + generation):
 * 256 bits that only a holder of the secret file can produce. The database
 * keeps only the token's SHA-256, so a copy of the database alone opens no
 * link; the admin command, which reads the same DATA_DIR, can print a
 * participant's link again without the token ever being stored. Revoking a
 * link raises the generation, which makes a new token and kills the old one.
 */
export interface TokenSecret {
  tokenFor(participantId: string, generation: number): string;
}

const SECRET_FILE = 'link-secret';

export function secretFile(dataDir: string): string {
  return path.join(dataDir, SECRET_FILE);
}

/** The DATA_DIR's secret, made on first use. */
export function loadTokenSecret(dataDir: string): TokenSecret {
  const file = secretFile(dataDir);
  try {
    // 'wx' fails if the file exists, so the server and the admin command
    // starting at once cannot each write a different secret.
    const fd = fs.openSync(file, 'wx', 0o600);
    const secret = crypto.randomBytes(32);
    fs.writeSync(fd, secret.toString('hex'));
    fs.closeSync(fd);
    return signer(secret);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readTokenSecret(dataDir)!;
  }
}

/** The DATA_DIR's secret if it has one; never makes one (restore checks a backup's links against it). */
export function readTokenSecret(dataDir: string): TokenSecret | null {
  const file = secretFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const secret = Buffer.from(text.trim(), 'hex');
  if (secret.length !== 32) throw new Error(`${file} is damaged: it must hold 64 hexadecimal characters.`);
  return signer(secret);
}

function signer(secret: Buffer): TokenSecret {
  return {
    tokenFor: (participantId, generation) =>
      crypto.createHmac('sha256', secret).update(`${participantId}.${generation}`).digest('base64url'),
  };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Tokens are 43 base64url characters; anything else is refused before hashing. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
