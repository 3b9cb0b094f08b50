import { describe, expect, it } from 'vitest';
import { levenshtein, normalizeCommandText, parseCommand, type Command, type CommandName } from '../../../src/domain/commands.js';

describe('parseCommand: Swedish and English phrases', () => {
  const cases: [string, Command][] = [
    // help
    ['hjälp', { name: 'help' }],
    ['HJÄLP', { name: 'help' }],
    ['Hjalp!', { name: 'help' }],
    ['  hjälp  ', { name: 'help' }],
    ['meny', { name: 'help' }],
    ['help', { name: 'help' }],
    ['Help.', { name: 'help' }],
    ['?', { name: 'help' }],
    // leaving (chairs)
    ['exportera organisation', { name: 'exportOrg' }],
    ['Exportera organisationen', { name: 'exportOrg' }],
    ['export organization', { name: 'exportOrg' }],
    ['radera organisation', { name: 'deleteOrg' }],
    ['Radera organisationen!', { name: 'deleteOrg' }],
    ['delete organisation', { name: 'deleteOrg' }],
    ['exportera mina data', { name: 'exportMyData' }],
    // registerSteering
    ['registrera styrgrupp', { name: 'registerSteering' }],
    ['  registrera   Styrgrupp ', { name: 'registerSteering' }],
    ['Registrera styrgruppen', { name: 'registerSteering' }],
    ['register steering', { name: 'registerSteering' }],
    ['Register Steering Group', { name: 'registerSteering' }],
    // registerForum
    ['registrera forum', { name: 'registerForum' }],
    ['Ändra forum', { name: 'registerForum' }],
    ['andra forum', { name: 'registerForum' }],
    ['register forum', { name: 'registerForum' }],
    ['edit forum', { name: 'registerForum' }],
    // listForums
    ['forum', { name: 'listForums' }],
    ['Forumen', { name: 'listForums' }],
    ['fören', { name: 'listForums' }],
    ['forums', { name: 'listForums' }],
    ['FORUMS!', { name: 'listForums' }],
    // plan
    ['planera 2027', { name: 'plan', year: 2027 }],
    ['Planera  2027.', { name: 'plan', year: 2027 }],
    ['plan 2027', { name: 'plan', year: 2027 }],
    ['PLAN 2030', { name: 'plan', year: 2030 }],
    ['planera', { name: 'plan', year: undefined }],
    ['plan', { name: 'plan', year: undefined }],
    // regionalPicture (person-wide; takes a year like plan)
    ['regional lägesbild', { name: 'regionalPicture', year: undefined }],
    ['Regional lägesbild 2027', { name: 'regionalPicture', year: 2027 }],
    ['regionala lägesbilden', { name: 'regionalPicture', year: undefined }],
    ['regional picture 2028', { name: 'regionalPicture', year: 2028 }],
    // meetings
    ['möten', { name: 'meetings' }],
    ['Moten', { name: 'meetings' }],
    ['MÖTE', { name: 'meetings' }],
    ['meetings', { name: 'meetings' }],
    // addChair (the bot strips the @mention before parsing; leftovers are tolerated)
    ['lägg till ordförande', { name: 'addChair' }],
    ['Lägg till ordförande <at>Anna Svensson</at>', { name: 'addChair' }],
    ['lagg till ordforande Anna', { name: 'addChair' }],
    ['add chair', { name: 'addChair' }],
    ['Add chair <at>Anna</at>', { name: 'addChair' }],
    // linkAccount: without a code shows one; the code keeps the user's own spacing (parsed by parseLinkCode)
    ['länka konto', { name: 'linkAccount', arg: undefined }],
    ['Länka konton', { name: 'linkAccount', arg: undefined }],
    ['länka konto 1234 5678', { name: 'linkAccount', arg: '1234 5678' }],
    ['Länka  konto   12345678.', { name: 'linkAccount', arg: '12345678' }],
    ['link account 1234 5678', { name: 'linkAccount', arg: '1234 5678' }],
    ['Link Accounts', { name: 'linkAccount', arg: undefined }],
    // unlinkAccount
    ['avlänka konto', { name: 'unlinkAccount' }],
    ['Avlänka konton!', { name: 'unlinkAccount' }],
    ['unlink account', { name: 'unlinkAccount' }],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it('gives year undefined (not NaN or 0) for a plan without a year', () => {
    const c = parseCommand('planera');
    expect(c.name).toBe('plan');
    expect(c.name === 'plan' && c.year).toBeUndefined();
  });
});

describe('parseCommand: unknown text', () => {
  const typos: [string, CommandName][] = [
    ['hjälo', 'help'],
    ['hjalpp', 'help'],
    ['hel', 'help'],
    ['registrer forum', 'registerForum'],
    ['registrera forim', 'registerForum'],
    ['registrera styrgrup', 'registerSteering'],
    ['register steerin', 'registerSteering'],
    ['motem', 'meetings'],
    ['meetngs', 'meetings'],
    ['planerа 2027', 'plan'], // Cyrillic "а": not a match, but close
    ['planer 2027', 'plan'],
    ['lägg till ordförand', 'addChair'],
    ['add chairs', 'addChair'],
    ['forumz', 'listForums'],
    ['länka kondo', 'linkAccount'],
    ['avlänka kont', 'unlinkAccount'],
    ['unlink acount', 'unlinkAccount'],
  ];
  it.each(typos)('%j → unknown, suggests %s', (input, suggestion) => {
    expect(parseCommand(input)).toEqual({ name: 'unknown', suggestion });
  });

  const gibberish = ['asdkjh qweqw', 'vad är klockan', 'what is the weather like', 'planera 27', '2027', 'registrera', '', '   ', '!!!', 'ok tack'];
  it.each(gibberish)('%j → unknown without suggestion', (input) => {
    expect(parseCommand(input)).toEqual({ name: 'unknown', suggestion: undefined });
  });

  // Fixed: a trailing question mark is tolerated like other punctuation.
  it.each([
    ['hjälp?', 'help'],
    ['help?', 'help'],
    ['möten?', 'meetings'],
    ['forum?', 'listForums'],
  ] as const)('%j → %s despite the trailing question mark', (input, name) => {
    expect(parseCommand(input).name).toBe(name);
  });
});

describe('normalizeCommandText', () => {
  it.each([
    ['HJÄLP', 'hjalp'],
    ['  Lägg   till,ordförande! ', 'lagg till ordforande'],
    ['Skäggetorp Å Ö', 'skaggetorp a o'],
    ['plan-2027', 'plan 2027'],
    ['?', '?'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCommandText(input)).toBe(expected);
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['hjalo', 'hjalp', 1],
    ['registrer forum', 'registrera forum', 1],
    ['ab', 'ba', 2],
    ['moten', 'mote', 1],
  ] as const)('levenshtein(%j, %j) = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});
