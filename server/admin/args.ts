import type { Role } from '../../shared/roles.ts';

/** The admin command's arguments, parsed and checked before anything is opened. */
export type AdminCommand =
  | { name: 'help' }
  /** `title` is null only with `importPath`: the title is then the draft's. */
  | { name: 'create'; title: string | null; importPath: string | null; participants: { name: string; role: Role }[] }
  | { name: 'participants'; id: string }
  | { name: 'new-link'; id: string; participant: string }
  | { name: 'parse'; path: string }
  | { name: 'backup'; path: string }
  | { name: 'restore'; path: string; newLinks: boolean };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage:
  npm run admin -- create --title "Title" --chair "Argentina" [--delegation "Chile" …] [--secretariat "Secretariat" …] [--observer "Spain" …]
  npm run admin -- create --import draft.docx [--title "Title"] --chair "Argentina" [--delegation "Chile" …] …
      Creates a declaration (with --import: from a .docx, .md or .txt draft, titled as the draft
      unless --title is given) and prints {"id", "participants": [{"name", "role", "token", "url"}]} as JSON.
  npm run admin -- parse draft.docx
      Prints the structure found in a .docx, .md or .txt draft as JSON; creates nothing.
  npm run admin -- participants <declaration id>
      Prints every participant's name, role, token and link as JSON.
  npm run admin -- new-link <declaration id> "<participant name>"
      Gives that participant (the chair too) a new link; the old one stops working.
      Prints {"name", "role", "token", "url"} as JSON.
  npm run admin -- backup FILE
      Writes a consistent copy of the whole database to FILE (a new file), also while
      the server runs. Prints {"file", "bytes", "declarations"} as JSON.
  npm run admin -- restore FILE [--new-links]
      Puts a backup in place of the database; the server must be stopped. The link
      secret stays the folder's: --new-links gives everyone a new link if the backup's
      links were made with another. Prints {"file", "dataDir", "declarations", "replaced", "newLinks"}.
`;

const ROLE_FLAGS: Record<string, Role> = {
  '--chair': 'chair',
  '--delegation': 'delegation',
  '--secretariat': 'secretariat',
  '--observer': 'observer',
};

export function parseAdminArgs(argv: string[]): AdminCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (name === 'participants') {
    if (rest.length !== 1) throw new UsageError('participants takes exactly one declaration id.');
    return { name, id: rest[0]! };
  }
  if (name === 'new-link') {
    if (rest.length !== 2 || rest.some((arg) => arg.trim() === '')) throw new UsageError('new-link takes a declaration id and a participant\'s name.');
    return { name, id: rest[0]!, participant: rest[1]! };
  }
  if (name === 'parse' || name === 'backup') {
    if (rest.length !== 1 || rest[0]!.startsWith('--')) throw new UsageError(`${name} takes exactly one file.`);
    return { name, path: rest[0]! };
  }
  if (name === 'restore') {
    const files = rest.filter((arg) => arg !== '--new-links');
    if (files.length !== 1 || files[0]!.startsWith('--')) throw new UsageError('restore takes exactly one file (and --new-links, if need be).');
    return { name, path: files[0]!, newLinks: rest.includes('--new-links') };
  }
  if (name !== 'create') throw new UsageError(`Unknown command "${name}".`);
  let title: string | null = null;
  let importPath: string | null = null;
  const participants: { name: string; role: Role }[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    if (flag === '--title') title = value;
    else if (flag === '--import') importPath = value;
    else if (flag in ROLE_FLAGS) participants.push({ name: value, role: ROLE_FLAGS[flag]! });
    else throw new UsageError(`Unknown option "${flag}".`);
  }
  if (title !== null && title.trim() === '') throw new UsageError('--title needs a value.');
  if (title === null && importPath === null) throw new UsageError('create needs --title (or --import with a draft).');
  if (!participants.some((p) => p.role === 'chair')) throw new UsageError('create needs --chair.');
  return { name: 'create', title: title === null ? null : title.trim(), importPath, participants };
}
