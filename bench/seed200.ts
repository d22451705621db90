import type { DeclarationSeed, SeedOperative } from '../shared/declarationSeed.ts';
import { opening, plain } from '../shared/richText.ts';
import { seededRandom } from '../shared/seededRandom.ts';

/**
 * A 200-clause declaration (60 preambular, 140 operative paragraphs of
 * realistic length, a few as sub-items), the same text on every call, so
 * that both relays serve documents of the same size and shape.
 */
const PREAMBLE_OPENINGS = ['Recalling', 'Recognizing', 'Reaffirming', 'Noting with concern', 'Welcoming', 'Bearing in mind', 'Acknowledging', 'Emphasizing', 'Convinced', 'Taking note'];
const OPERATIVE_OPENINGS = ['Decide', 'Encourage', 'Call upon', 'Request', 'Invite', 'Urge', 'Commit', 'Affirm', 'Underline', 'Support'];
const WORDS = (
  'the member states regional cooperation sustainable development commitment international law implementation framework ' +
  'financing capacity building technology transfer climate resilience food security public health education gender equality ' +
  'human rights dialogue partnership ministers conference agenda multilateral institutions accountability transparency ' +
  'vulnerable communities indigenous peoples migration digital inclusion water sanitation energy transition biodiversity oceans ' +
  'trade investment debt relief small island developing states least developed countries civil society private sector'
).split(' ');


export const PREAMBLE_COUNT = 60;
export const OPERATIVE_COUNT = 140;
/** Every seventh operative paragraph is a sub-item of the one before. */
const SUBITEM_EVERY = 7;

export function seed200(): DeclarationSeed {
  const random = seededRandom(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // 40–90 words: 250–600 characters, the length of a real paragraph.
  const sentence = () => Array.from({ length: 40 + Math.floor(random() * 50) }, () => pick(WORDS)).join(' ');
  const preamble = Array.from({ length: PREAMBLE_COUNT }, () => opening(pick(PREAMBLE_OPENINGS), ` ${sentence()},`));
  const operative: SeedOperative[] = [];
  for (let i = 0; i < OPERATIVE_COUNT; i++) {
    const body = opening(pick(OPERATIVE_OPENINGS), ` ${sentence()};`);
    const last = operative[operative.length - 1];
    if (i % SUBITEM_EVERY === SUBITEM_EVERY - 1 && last) (last.subitems ??= []).push({ body });
    else operative.push({ body });
  }
  return {
    conference: plain('Fourth Ministerial Conference on Regional Cooperation'),
    title: plain('Declaration of the Benchmark'),
    subtitle: plain('Approved at the closing plenary'),
    chapeau: plain('The Ministers and Heads of Delegation gathered at the Conference,'),
    preamble,
    formula: plain('Declare:'),
    operative,
    note: plain(''),
    signatories: [],
  };
}
