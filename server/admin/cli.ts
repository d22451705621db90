import { emptySeed } from '../../shared/declarationSeed.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { plain } from '../../shared/richText.ts';
import { publicBaseUrl, readConfig, readLocale } from '../config.ts';
import { loadTokenSecret } from '../auth/tokens.ts';
import { openDatabase } from '../db/database.ts';
import { declarationExists } from '../db/declarations.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { storedServerAddress } from '../db/serverAddress.ts';
import { createUpdateLog } from '../db/updateLog.ts';
import { createDeclaration, participantLink, type ParticipantSpec } from '../declarations/createDeclaration.ts';
import { AppError } from '../errors.ts';
import { checkedDraft, createFromDraft } from '../declarations/createFromDraft.ts';
import { readDraftFile } from '../import/readDraftFile.ts';
import { errorMessage } from '../../shared/i18n/errorMessage.ts';
import { translatorFor } from '../../shared/i18n/translate.ts';
import { adminLanguage } from './adminLanguage.ts';
import { parseAdminArgs, UsageError, type AdminCommand } from './args.ts';
import { backupDatabase } from './backup.ts';
import { newLinkFor } from './newLink.ts';
import { restoreDatabase } from './restore.ts';

/**
 * `npm run admin -- …`: works on the same DATA_DIR as the server, also
 * while it runs. Standard output carries only the JSON result; messages go
 * to standard error. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
async function main(argv: string[]): Promise<number> {
  // Messages in the language of the shell's locale (I18N8); the JSON on standard output stays as it is.
  const language = adminLanguage(readLocale());
  const t = translatorFor(language);
  const USAGE = `${t('admin.usage')}\n`;
  const say = (error: AppError) =>
    // new-link lists the participants it knows, which only the admin command may print.
    language !== 'en' && error.id === 'participant-not-found' && typeof error.details.names === 'string'
      ? t('admin.participantNotFound', { id: String(error.details.id), name: String(error.details.name), names: error.details.names })
      : errorMessage(t, language, error.id, error.details, error.message);
  let command: AdminCommand;
  try {
    command = parseAdminArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.say(t)}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command.name === 'help') {
    process.stderr.write(USAGE);
    return 0;
  }
  // A draft is read and checked whole before anything is opened (IMP1, IMP3).
  let draft: ParsedDraft | null = null;
  const file = command.name === 'parse' ? command.path : command.name === 'create' ? command.importPath : null;
  try {
    if (command.name === 'parse') {
      process.stdout.write(`${JSON.stringify(await readDraftFile(command.path), null, 2)}\n`);
      return 0;
    }
    if (command.name === 'create' && command.importPath !== null) {
      const parsed = await readDraftFile(command.importPath);
      const title = command.title ?? parsed.title;
      if (title === null || title.trim() === '') {
        process.stderr.write(`${t('admin.noTitle', { file: command.importPath })}\n`);
        return 1;
      }
      draft = checkedDraft({ ...parsed, title });
    }
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${file}: ${say(error)}\n`);
      return 1;
    }
    throw error;
  }
  const config = readConfig();
  const print = (result: unknown) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  // Backup and restore handle the database file themselves: they must not open it as the server does.
  try {
    if (command.name === 'backup') {
      print(await backupDatabase(config.dataDir, command.path));
      return 0;
    }
    if (command.name === 'restore') {
      print(restoreDatabase(config.dataDir, command.path, { newLinks: command.newLinks }));
      return 0;
    }
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${say(error)}\n`);
      return 1;
    }
    throw error;
  }
  const db = openDatabase(config.dataDir, config.durability);
  const secret = loadTokenSecret(config.dataDir);
  // The address the server stored when it started (ADM1), not one guessed from this command's environment.
  const stored = storedServerAddress(db);
  const baseUrl = stored?.url ?? publicBaseUrl(config);
  let warned = stored !== null;
  const describe = (declarationId: string, rows: ParticipantRow[]) => {
    if (!warned) {
      warned = true;
      process.stderr.write(`${t('admin.noServerAddress', { dataDir: config.dataDir, url: baseUrl })}\n`);
    }
    return rows
      .filter((p) => !p.revoked)
      .map((p) => {
        const token = secret.tokenFor(p.id, p.generation);
        return { name: p.name, role: p.role, token, url: participantLink(baseUrl, declarationId, token) };
      });
  };
  try {
    if (command.name === 'create') {
      const participants: ParticipantSpec[] = command.participants;
      const log = createUpdateLog(db);
      const { id, participants: rows } = draft
        ? createFromDraft({ db, secret, log }, draft, participants, undefined, command.language)
        : createDeclaration(db, secret, log, emptySeed(plain(command.title ?? '')), participants, undefined, command.language);
      print({ id, participants: describe(id, rows) });
      return 0;
    }
    if (!declarationExists(db, command.id)) {
      process.stderr.write(`${t('admin.noDeclaration', { id: command.id, dataDir: config.dataDir })}\n`);
      return 1;
    }
    if (command.name === 'new-link') {
      // The old link stops working for every request at once; the server's open
      // websocket connections of that participant are closed by its relay's recheck.
      print(describe(command.id, [newLinkFor(db, secret, command.id, command.participant)])[0]);
      return 0;
    }
    print(describe(command.id, listParticipants(db, command.id)));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${say(error)}\n`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
