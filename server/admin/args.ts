import type { Role } from '../../shared/roles.ts';

/** The admin command's arguments, parsed and checked before anything is opened. */
export type AdminCommand =
  | { name: 'help' }
  | { name: 'create'; title: string; participants: { name: string; role: Role }[] }
  | { name: 'participants'; id: string };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage:
  npm run admin -- create --title "Title" --chair "Argentina" [--delegation "Chile" …] [--secretariat "Secretariat" …] [--observer "Spain" …]
      Creates a declaration and prints {"id", "participants": [{"name", "role", "token", "url"}]} as JSON.
  npm run admin -- participants <declaration id>
      Prints every participant's name, role, token and link as JSON.
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
  if (name !== 'create') throw new UsageError(`Unknown command "${name}".`);
  let title: string | null = null;
  const participants: { name: string; role: Role }[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    if (flag === '--title') title = value;
    else if (flag in ROLE_FLAGS) participants.push({ name: value, role: ROLE_FLAGS[flag]! });
    else throw new UsageError(`Unknown option "${flag}".`);
  }
  if (title === null || title.trim() === '') throw new UsageError('create needs --title.');
  if (!participants.some((p) => p.role === 'chair')) throw new UsageError('create needs --chair.');
  return { name: 'create', title: title.trim(), participants };
}
