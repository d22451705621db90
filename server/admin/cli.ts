import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain } from '../../shared/richText.ts';
import { publicBaseUrl, readConfig } from '../config.ts';
import { loadTokenSecret } from '../auth/tokens.ts';
import { openDatabase } from '../db/database.ts';
import { declarationExists } from '../db/declarations.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { createUpdateLog } from '../db/updateLog.ts';
import { createDeclaration, participantLink, type ParticipantSpec } from '../declarations/createDeclaration.ts';
import { AppError } from '../errors.ts';
import { parseAdminArgs, UsageError, USAGE } from './args.ts';

/**
 * `npm run admin -- …`: works on the same DATA_DIR as the server, also
 * while it runs. Standard output carries only the JSON result; messages go
 * to standard error. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
function main(argv: string[]): number {
  let command;
  try {
    command = parseAdminArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command.name === 'help') {
    process.stderr.write(USAGE);
    return 0;
  }
  const config = readConfig();
  const db = openDatabase(config.dataDir, config.durability);
  const secret = loadTokenSecret(config.dataDir);
  const baseUrl = publicBaseUrl(config);
  const describe = (declarationId: string, rows: ParticipantRow[]) =>
    rows
      .filter((p) => !p.revoked)
      .map((p) => {
        const token = secret.tokenFor(p.id, p.generation);
        return { name: p.name, role: p.role, token, url: participantLink(baseUrl, declarationId, token) };
      });
  try {
    if (command.name === 'create') {
      const participants: ParticipantSpec[] = command.participants;
      const { id, participants: rows } = createDeclaration(db, secret, createUpdateLog(db), emptySeed(plain(command.title)), participants);
      process.stdout.write(`${JSON.stringify({ id, participants: describe(id, rows) }, null, 2)}\n`);
      return 0;
    }
    if (!declarationExists(db, command.id)) {
      process.stderr.write(`There is no declaration "${command.id}" in ${config.dataDir}.\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(describe(command.id, listParticipants(db, command.id)), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
