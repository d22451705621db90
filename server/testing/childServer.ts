import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { readConfig, type Config } from '../config.ts';
import { createDeclaration, type ParticipantSpec } from '../declarations/createDeclaration.ts';
import { createLogger } from '../logger.ts';
import { startServer } from '../server.ts';

/**
 * The real server in a process of its own, for tests that kill it with
 * SIGKILL mid-typing (serverProcess.ts starts it). It reads, from its
 * environment: DATA_DIR; CONSENSO_TEST_CONFIG, a JSON object of Config
 * fields laid over readConfig's (a fixed port to come back on, a short
 * refusal wait for a fuzzer); CONSENSO_TEST_CREATE, a JSON { seed,
 * participants } to create one declaration through the server's own path
 * before it reports. When it listens it prints one JSON line on standard
 * output: { port, declaration: { id, tokens } | null }.
 */
interface CreateRequest {
  seed: DeclarationSeed;
  participants: ParticipantSpec[];
}

// Never outlive the test that started it, however that test ends.
process.on('disconnect', () => process.exit(0));

const overrides = JSON.parse(process.env.CONSENSO_TEST_CONFIG ?? '{}') as Partial<Config>;
const create = process.env.CONSENSO_TEST_CREATE ? (JSON.parse(process.env.CONSENSO_TEST_CREATE) as CreateRequest) : null;
const config: Config = { ...readConfig({ PORT: '0', DATA_DIR: process.env.DATA_DIR, HOST: '127.0.0.1' }), ...overrides };
// Errors only: a fuzzer makes the server log every refused message.
// CHILD_SERVER_LOG=1 shows the server's log, to find out why a run failed.
const logger = createLogger({ quiet: !process.env.CHILD_SERVER_LOG });
const server = await startServer(config, logger);
let declaration: { id: string; tokens: Record<string, string> } | null = null;
if (create) {
  const { id, participants } = createDeclaration(server.db, server.secret, server.log, create.seed, create.participants);
  declaration = { id, tokens: Object.fromEntries(participants.map((p) => [p.name, server.secret.tokenFor(p.id, p.generation)])) };
}
process.stdout.write(`${JSON.stringify({ port: server.port, declaration })}\n`);
