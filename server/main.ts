import { ConfigError, readConfig } from './config.ts';
import { listDeclarationIds } from './db/declarations.ts';
import { listParticipants } from './db/participants.ts';
import { saveServerAddress } from './db/serverAddress.ts';
import { participantLink } from './declarations/createDeclaration.ts';
import { ensureDemo } from './demo.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

/** `npm start`: validate the configuration, open the database, serve. */
async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config, logger);
  // The admin command prints links with this address, not one it guesses from its own environment (ADM1).
  saveServerAddress(server.db, server.baseUrl, Date.now());
  const created = ensureDemo(server.db, server.secret, server.log);
  const lines = [`Consenso is running at ${server.baseUrl}  (data in ${config.dataDir})`];
  if (created) lines.push('Created the demo declaration: the Declaration of Buenos Aires (2023).');
  for (const id of listDeclarationIds(server.db)) {
    lines.push('', `Declaration ${id}`);
    for (const p of listParticipants(server.db, id)) {
      if ((p.role === 'chair' || p.role === 'secretariat') && !p.revoked) {
        lines.push(`  ${p.role === 'chair' ? 'Chair' : 'Secretariat'} (${p.name}): ${participantLink(server.baseUrl, id, server.secret.tokenFor(p.id, p.generation))}`);
      }
    }
    lines.push(`  Every participant's link: npm run admin -- participants ${id}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EADDRINUSE'
      ? 'the port is already in use. Stop the other program or set PORT to a free port, e.g. PORT=8081 npm start.'
      : code === 'EACCES'
        ? 'not allowed to listen on that port or to write the data folder. Choose another PORT or DATA_DIR.'
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`Consenso could not start: ${reason}\n`);
  process.exit(1);
});
