/**
 * Text commands, Swedish and English, tolerant of case, accents, punctuation and an
 * @mention (stripped by the bot before this). Pure: text in, command out.
 */
export type Command =
  | { name: 'help' }
  | { name: 'registerSteering' }
  | { name: 'registerForum' }
  | { name: 'listForums' }
  | { name: 'plan'; year: number | undefined }
  | { name: 'meetings' }
  | { name: 'schoolCalendar'; arg: string | undefined }
  | { name: 'addChair' }
  | { name: 'iAmContact' }
  | { name: 'sendPrompts'; arg: string | undefined }
  | { name: 'remind'; arg: string | undefined }
  | { name: 'status'; arg: string | undefined }
  | { name: 'retryFailed' }
  | { name: 'compile'; arg: string | undefined }
  | { name: 'publish'; arg: string | undefined }
  | { name: 'promise' }
  | { name: 'myActions' }
  | { name: 'decisions'; arg: string | undefined }
  | { name: 'goals'; arg: string | undefined }
  | { name: 'followUp'; arg: string | undefined }
  | { name: 'exportMyData' }
  | { name: 'switchOrg' }
  | { name: 'createOrg'; arg: string | undefined }
  | { name: 'orgSettings' }
  | { name: 'exportOrg' }
  | { name: 'deleteOrg' }
  | { name: 'linkAccount'; arg: string | undefined }
  | { name: 'unlinkAccount' }
  | { name: 'regionalPicture'; year: number | undefined }
  | { name: 'allowTenant'; arg: string | undefined }
  | { name: 'blockTenant'; arg: string | undefined }
  | { name: 'listTenants' }
  | { name: 'unknown'; suggestion: CommandName | undefined };

export type CommandName = Exclude<Command['name'], 'unknown'>;

/** Phrases after normalisation (lower case, no accents). The first of each is shown in suggestions. */
const phrases: { name: CommandName; sv: string[]; en: string[]; takesYear?: boolean; takesArg?: boolean }[] = [
  { name: 'help', sv: ['hjalp', 'meny'], en: ['help', '?'] },
  { name: 'registerSteering', sv: ['registrera styrgrupp', 'registrera styrgruppen'], en: ['register steering', 'register steering group'] },
  { name: 'registerForum', sv: ['registrera forum', 'andra forum'], en: ['register forum', 'edit forum'] },
  { name: 'listForums', sv: ['forum', 'foren', 'forumen'], en: ['forums'] },
  { name: 'plan', sv: ['planera'], en: ['plan'], takesYear: true },
  { name: 'meetings', sv: ['moten', 'mote'], en: ['meetings'] },
  { name: 'schoolCalendar', sv: ['lasarstider', 'skollov'], en: ['school holidays', 'school calendar'], takesArg: true },
  { name: 'addChair', sv: ['lagg till ordforande'], en: ['add chair'] },
  { name: 'iAmContact', sv: ['jag ar kontaktperson'], en: ['i am contact', 'i am the contact'] },
  { name: 'sendPrompts', sv: ['skicka inspel'], en: ['send prompts'], takesArg: true },
  { name: 'remind', sv: ['paminn'], en: ['remind'], takesArg: true },
  { name: 'status', sv: ['status', 'lage'], en: ['status'], takesArg: true },
  { name: 'retryFailed', sv: ['skicka om', 'forsok igen'], en: ['retry failed', 'retry'] },
  { name: 'compile', sv: ['sammanstall', 'sammanstall igen'], en: ['compile', 'compile again'], takesArg: true },
  { name: 'publish', sv: ['publicera'], en: ['publish'], takesArg: true },
  { name: 'promise', sv: ['lofte', 'medborgarlofte', 'loftet'], en: ['promise', 'citizen promise'] },
  { name: 'myActions', sv: ['mina atgarder'], en: ['my actions'] },
  { name: 'decisions', sv: ['beslut', 'beslut och atgarder'], en: ['decisions'], takesArg: true },
  { name: 'goals', sv: ['malbild', 'malbilder'], en: ['goals', 'goal'], takesArg: true },
  { name: 'followUp', sv: ['uppfoljning'], en: ['follow up', 'followup'], takesArg: true },
  { name: 'exportMyData', sv: ['exportera mina data', 'mina data'], en: ['export my data', 'my data'] },
  { name: 'switchOrg', sv: ['byt organisation', 'valj organisation'], en: ['switch organisation', 'switch organization', 'choose organisation'] },
  { name: 'createOrg', sv: ['skapa organisation'], en: ['create organisation', 'create organization'], takesArg: true },
  { name: 'orgSettings', sv: ['installningar', 'organisationens installningar'], en: ['settings', 'organisation settings'] },
  { name: 'exportOrg', sv: ['exportera organisation', 'exportera organisationen'], en: ['export organisation', 'export organization'] },
  { name: 'deleteOrg', sv: ['radera organisation', 'radera organisationen'], en: ['delete organisation', 'delete organization'] },
  // Without an argument: show a code; with one (the code from the other account): redeem it.
  { name: 'linkAccount', sv: ['lanka konto', 'lanka konton'], en: ['link account', 'link accounts'], takesArg: true },
  { name: 'unlinkAccount', sv: ['avlanka konto', 'avlanka konton'], en: ['unlink account', 'unlink accounts'] },
  // Person-wide: one picture across the organisations whose steering group the person sits in.
  { name: 'regionalPicture', sv: ['regional lagesbild', 'regionala lagesbilden'], en: ['regional picture'], takesYear: true },
  // Operators: which Microsoft 365 tenants may use the bot, on top of ALLOWED_TENANTS.
  { name: 'allowTenant', sv: ['tillat klient', 'tillat klientorganisation'], en: ['allow tenant'], takesArg: true },
  { name: 'blockTenant', sv: ['sparra klient', 'sparra klientorganisation'], en: ['block tenant'], takesArg: true },
  { name: 'listTenants', sv: ['klienter', 'klientorganisationer'], en: ['tenants'] },
];

export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9? ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // "hjälp?" means "hjälp"; a lone "?" stays the help shortcut.
    .replace(/^(.+?)\s*\?+$/, '$1');
}

export function parseCommand(text: string): Command {
  const norm = normalizeCommandText(text);
  for (const p of phrases) {
    for (const phrase of [...p.sv, ...p.en]) {
      if (p.takesYear) {
        const m = new RegExp(`^${phrase}(?: (\\d{4}))?$`).exec(norm);
        if (m) return { name: p.name, year: m[1] ? Number(m[1]) : undefined } as Command;
      } else if (p.takesArg) {
        // The argument keeps the user's own spelling (e.g. "Skäggetorp"), taken from the raw text.
        if (norm === phrase || norm.startsWith(`${phrase} `)) {
          // Line breaks are kept: some arguments are lists of one item a line (läsårstider).
          const afterPhrase = text.trim().replace(new RegExp(`^(?:\\S+(?:\\s+|$)){${phrase.split(' ').length}}`), '');
          const lines = afterPhrase.split(/\r?\n/).map((line) => line.replace(/[^\S\r\n]+/g, ' ').trim());
          const arg = lines.filter(Boolean).join('\n').replace(/[?!.]+$/, '').trim();
          return { name: p.name, arg: arg || undefined } as Command;
        }
      } else if (norm === phrase || (p.name === 'addChair' && norm.startsWith(`${phrase} `))) {
        return { name: p.name } as Command;
      }
    }
  }
  return { name: 'unknown', suggestion: suggest(norm) };
}

/** The command whose phrase is closest, when the text looks like a typo of one. */
function suggest(norm: string): CommandName | undefined {
  if (norm.length < 2) return undefined;
  const head = norm.replace(/ \d{4}$/, '');
  let best: { name: CommandName; phrase: string; distance: number } | undefined;
  for (const p of phrases) {
    for (const phrase of [...p.sv, ...p.en]) {
      const d = levenshtein(head, phrase);
      if (!best || d < best.distance) best = { name: p.name, phrase, distance: d };
    }
  }
  if (!best) return undefined;
  const tolerance = Math.max(1, Math.floor(best.phrase.length / 4));
  return best.distance <= tolerance ? best.name : undefined;
}

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
