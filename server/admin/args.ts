import { en, type MessageKey } from '../../shared/i18n/en.ts';
import { format, type Translate, type Values } from '../../shared/i18n/translate.ts';
import { DECLARATION_LANGUAGES, isDeclarationLanguage, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { Role } from '../../shared/roles.ts';

/** The admin command's arguments, parsed and checked before anything is opened. */
export type AdminCommand =
  | { name: 'help' }
  /** `title` is null only with `importPath`: the title is then the draft's. */
  | { name: 'create'; title: string | null; importPath: string | null; participants: { name: string; role: Role }[]; language?: DeclarationLanguage }
  | { name: 'participants'; id: string }
  | { name: 'new-link'; id: string; participant: string }
  | { name: 'parse'; path: string }
  | { name: 'backup'; path: string }
  | { name: 'restore'; path: string; newLinks: boolean };

/** Wrong arguments: a message of en.ts (block "Admin command"), said in the command's language by cli.ts. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    readonly key: MessageKey,
    readonly values: Values = {},
  ) {
    super(format(en[key], values));
  }

  say(t: Translate): string {
    return t(this.key, this.values);
  }
}

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
    if (rest.length !== 1) throw new UsageError('admin.participantsArgs');
    return { name, id: rest[0]! };
  }
  if (name === 'new-link') {
    if (rest.length !== 2 || rest.some((arg) => arg.trim() === '')) throw new UsageError('admin.newLinkArgs');
    return { name, id: rest[0]!, participant: rest[1]! };
  }
  if (name === 'parse' || name === 'backup') {
    if (rest.length !== 1 || rest[0]!.startsWith('--')) throw new UsageError('admin.oneFile', { command: name });
    return { name, path: rest[0]! };
  }
  if (name === 'restore') {
    const files = rest.filter((arg) => arg !== '--new-links');
    if (files.length !== 1 || files[0]!.startsWith('--')) throw new UsageError('admin.restoreArgs');
    return { name, path: files[0]!, newLinks: rest.includes('--new-links') };
  }
  if (name !== 'create') throw new UsageError('admin.unknownCommand', { command: name });
  let title: string | null = null;
  let importPath: string | null = null;
  let language: DeclarationLanguage | undefined;
  const participants: { name: string; role: Role }[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError('admin.needsValue', { option: flag });
    if (flag === '--title') title = value;
    else if (flag === '--import') importPath = value;
    else if (flag === '--language') {
      // The declaration's language (DL1); without it English, or for a draft the language it is written in (DL6).
      if (!isDeclarationLanguage(value)) throw new UsageError('admin.badLanguage', { languages: DECLARATION_LANGUAGES.join(', ') });
      language = value;
    }
    else if (flag in ROLE_FLAGS) participants.push({ name: value, role: ROLE_FLAGS[flag]! });
    else throw new UsageError('admin.unknownOption', { option: flag });
  }
  if (title !== null && title.trim() === '') throw new UsageError('admin.needsValue', { option: '--title' });
  if (title === null && importPath === null) throw new UsageError('admin.createNeedsTitle');
  if (!participants.some((p) => p.role === 'chair')) throw new UsageError('admin.createNeedsChair');
  return { name: 'create', title: title === null ? null : title.trim(), importPath, participants, ...(language ? { language } : {}) };
}
