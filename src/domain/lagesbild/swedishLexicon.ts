/**
 * The domain lexicon for merging frågor till polisen and agenda proposals: concepts of
 * this domain (offences, places of a kind, times, groups, requests) with the everyday
 * words and inflections forums write them in. A word of the lexicon becomes its concept's
 * token ("knark", "droger" → narkotika; "kvällstid" → kvall), and the parts of a compound
 * are looked up here ("narkotikaförsäljning" → narkotika + forsaljning).
 *
 * Some concepts are must-match features: two texts that both name a place of a kind, a
 * time or an offence, and share none, are about different things (Bergaskolan vs
 * Bergaparken, kvällar vs morgnar, narkotika vs inbrott) however alike the rest is. The
 * districts (the places proper) come from the roster, not from here.
 *
 * Words are written as Swedish is written; swedishText.ts stems and folds them.
 */

export const featureKinds = ['place', 'facility', 'time', 'offence'] as const;
export type FeatureKind = (typeof featureKinds)[number];

/**
 * A follow-up of something ("vad hände med våra anmälningar om inbrott i Ryd?") is another
 * question than the thing itself ("vad gör polisen åt inbrotten i Ryd?"), though it shares
 * all its words: every text is a follow-up or not, and the two never merge.
 */
export const FOLLOW_UP_TOKEN = 'aterkoppling';

interface Concept {
  /** The token the concept stands as; '' drops the words (framing, no topic). */
  token: string;
  kind?: FeatureKind;
  words: string;
}

const concepts: Concept[] = [
  // --- times ------------------------------------------------------------------------
  { token: 'kvall', kind: 'time', words: 'kväll kvällen kvällar kvällarna kvällstid kvällstider kvällstimmar' },
  { token: 'morgon', kind: 'time', words: 'morgon morgonen morgnar morgnarna morgontid förmiddag förmiddagar förmiddagen' },
  { token: 'natt', kind: 'time', words: 'natt natten nätter nätterna nattetid nattlig nattliga' },
  { token: 'helg', kind: 'time', words: 'helg helgen helger helgerna helgtid veckoslut fredag fredagar lördag lördagar söndag söndagar' },
  { token: 'vardag', kind: 'time', words: 'vardag vardagar vardagarna vardagstid' },
  { token: 'dag', kind: 'time', words: 'dagtid dagtider' },
  { token: 'sommar', kind: 'time', words: 'sommar sommaren sommarlov sommarlovet' },
  { token: 'host', kind: 'time', words: 'höst hösten höstens höstlov höstlovet' },
  // "vår" alone is also "our": only its definite forms name the season.
  { token: 'varen', kind: 'time', words: 'våren vårens vårterminen' },
  { token: 'vinter', kind: 'time', words: 'vinter vintern vinterns jullov jullovet' },
  { token: 'nyar', kind: 'time', words: 'nyår nyåret nyårsafton nyårsnatt nyårsnatten' },
  { token: 'valborg', kind: 'time', words: 'valborg valborgsmässoafton valborgsfirande valborgsfirandet' },
  { token: 'skolavslutning', kind: 'time', words: 'skolavslutning skolavslutningen skolavslutningar' },

  // --- places of a kind ---------------------------------------------------------------
  { token: 'skola', kind: 'facility', words: 'skola skolan skolor skolorna skolgård skolgården högstadieskola' },
  { token: 'forskola', kind: 'facility', words: 'förskola förskolan förskolor' },
  { token: 'centrum', kind: 'facility', words: 'centrum torg torget köpcentrum köpcentret' },
  { token: 'park', kind: 'facility', words: 'park parken parker lekpark lekparken lekplats lekplatsen' },
  { token: 'resecentrum', kind: 'facility', words: 'resecentrum resecentret busstation järnvägsstation station stationen' },
  { token: 'hallplats', kind: 'facility', words: 'hållplats hållplatsen hållplatser busshållplats' },
  { token: 'simhall', kind: 'facility', words: 'simhall simhallen badhus badhuset' },
  { token: 'fritidsgard', kind: 'facility', words: 'fritidsgård fritidsgården fritidsgårdar ungdomsgård' },
  { token: 'bibliotek', kind: 'facility', words: 'bibliotek biblioteket' },
  { token: 'krog', kind: 'facility', words: 'krog krogen krogar krogarna restaurang restauranger nattklubb uteställe' },
  { token: 'gangtunnel', kind: 'facility', words: 'gångtunnel gångtunneln gångtunnlar tunnel tunneln' },
  { token: 'soprum', kind: 'facility', words: 'soprum soprummen soprummet miljöhus' },
  { token: 'forrad', kind: 'facility', words: 'förråd förrådet förråden källare källaren källarna källarförråd' },
  { token: 'villa', kind: 'facility', words: 'villa villor villorna villaområde villaområdet' },
  { token: 'bygge', kind: 'facility', words: 'bygge byggen byggena byggarbetsplats byggarbetsplatser byggarbetsplatserna' },
  { token: 'parkering', kind: 'facility', words: 'parkering parkeringen parkeringar parkeringarna parkeringsplats' },
  { token: 'trapphus', kind: 'facility', words: 'trapphus trapphuset trapphusen' },
  { token: 'tvattstuga', kind: 'facility', words: 'tvättstuga tvättstugan tvättstugor tvättstugorna' },

  // --- offences and what they concern -------------------------------------------------
  { token: 'narkotika', kind: 'offence', words: 'narkotika knark drog droger drogerna kokain hasch cannabis marijuana' },
  { token: 'alkohol', kind: 'offence', words: 'alkohol sprit' },
  { token: 'inbrott', kind: 'offence', words: 'inbrott inbrotten inbrottet bryter brutits' },
  { token: 'stold', kind: 'offence', words: 'stöld stölder stölderna stjäl stjäls stulen stulna snatteri snatterier tillgrepp' },
  { token: 'ran', kind: 'offence', words: 'rån rånen rånad rånade rånar rånas' },
  { token: 'skadegorelse', kind: 'offence', words: 'skadegörelse skadegörelser skadegörelsen vandalisering vandaliseras vandaliserar förstör förstörelse krossade' },
  { token: 'klotter', kind: 'offence', words: 'klotter klottret klottras klottrar graffiti tagg taggar' },
  { token: 'brand', kind: 'offence', words: 'brand branden bränder bränderna eld elden anlagd anlagda brinner brann mordbrand' },
  { token: 'hot', kind: 'offence', words: 'hot hoten hota hotar hotas hotad hotade hotfull hotfulla skrämma skrämmer' },
  { token: 'vald', kind: 'offence', words: 'våld våldet våldsam våldsamma våldsamt misshandel misshandlas slagsmål bråk' },
  { token: 'ofredande', kind: 'offence', words: 'ofredande ofredanden ofredandena ofredas tafsande' },
  { token: 'bedrageri', kind: 'offence', words: 'bedrägeri bedrägerier bedrägerierna bedragare lura lurar luras lurade bluff' },
  { token: 'fortkorning', kind: 'offence', words: 'fortkörning fortkörningar hastighet hastigheten fort' },
  { token: 'buskorning', kind: 'offence', words: 'buskörning buskörningen buskör buskörs buskörning vårdslös vårdslöst vårdslösa' },
  { token: 'kniv', kind: 'offence', words: 'kniv knivar knivarna knivbärande' },
  { token: 'vapen', kind: 'offence', words: 'vapen vapnen skjutvapen' },
  { token: 'fyrverkeri', kind: 'offence', words: 'fyrverkeri fyrverkerier raket raketer smällare' },
  { token: 'nedskrapning', kind: 'offence', words: 'nedskräpning skräp skräpas' },

  // --- other concepts (not must-match) ------------------------------------------------
  { token: 'forsaljning', words: 'försäljning försäljningen sälja säljer säljs sålt handel handeln langning langningen langa langar langas langade' },
  { token: 'ungdom', words: 'ungdom ungdomar ungdomarna unga ung tonåring tonåringar barn barnen minderårig minderåriga elev elever eleverna' },
  { token: 'aldre', words: 'äldre pensionär pensionärer pensionärerna' },
  { token: 'kriminell', words: 'kriminell kriminella kriminalitet kriminaliteten' },
  { token: 'gang', words: 'gäng gängen gänget grupp grupper grupperna gruppering gängbildning samlas samlar' },
  { token: 'narvaro', words: 'närvaro närvaron synas syns synlig synliga patrull patruller patrullera patrullerar patrullering fotpatrull polispatrull bevakning bevakningen' },
  { token: 'kamera', words: 'kamera kameror kamerorna kamerabevakning kameraövervakning övervakning övervakningskamera övervakningskameror' },
  { token: 'aterkoppling', words: 'återkoppling återkoppla återkopplar besked hände utfall utfallet uppföljning uppföljningen följa följer följs följts följde' },
  { token: 'anmalan', words: 'anmälan anmälningar anmälningarna anmäla anmält anmäls anmälda anmäler polisanmälan polisanmälda polisanmält' },
  { token: 'statistik', words: 'statistik statistiken siffror' },
  { token: 'trygghetsvandring', words: 'trygghetsvandring trygghetsvandringen trygghetsvandringar vandring' },
  { token: 'trygghetsrad', words: 'trygghetsråd trygghetsrådet trygghetsrådets' },
  { token: 'mote', words: 'möte mötet möten mötena sammanträde sammanträden' },
  { token: 'kontakt', words: 'kontakt kontaktperson kontaktpersoner kontaktuppgifter kontakta' },
  { token: 'ordningsvakt', words: 'ordningsvakt ordningsvakter väktare' },
  { token: 'personal', words: 'personal personalen anställda' },
  { token: 'chauffor', words: 'chaufför chaufförer förare' },
  { token: 'bil', words: 'bil bilar bilarna fordon' },
  { token: 'moped', words: 'moped mopeder mopederna mopedist' },
  { token: 'cykel', words: 'cykel cyklar cyklarna' },
  { token: 'epatraktor', words: 'epa epatraktor traktor traktorer traktorerna' },
  { token: 'hund', words: 'hund hundar hundarna' },
  { token: 'spruta', words: 'spruta sprutor sprutorna kanyl kanyler' },
  { token: 'information', words: 'information informera informerar informationsträff lektion lektioner föreläsning föreläsningar' },
  { token: 'kontroll', words: 'kontroll kontroller kontrollera kontrollerar' },
  { token: 'socialtjanst', words: 'socialtjänst socialtjänsten' },
  { token: 'samverkan', words: 'samverkan samverka samverkar samarbete samarbetet samarbeta' },
  { token: 'trygghet', words: 'trygghet tryggheten trygg tryggare otrygg otrygga otryggt otrygghet otryggheten rädd rädda' },
  { token: 'rekrytering', words: 'rekrytering rekryteringen rekryteras rekryterar värvar värva värvning' },

  // --- framing: how a question is asked, not what it is about --------------------------
  {
    token: '',
    words:
      'polis kommunpolis göra gör görs hända händer agera agerar hantera hanterar förebygga förebygger stoppa stoppar ' +
      'planera planeras planerar problem stor stort stora möjlig möjligt önska önskar önskas önskemål behöva behöver ' +
      'lyfta bidra hjälpa hjälper stötta stöttar stödja stödjer stöd fram få får många flera fler hela tiden tid ' +
      'ökad ökade ökande ökning utreda utreds utredning utredningarna sätta sätts tända tänder komma kommer gå går ' +
      'hittills vänligen tack gärna igen fortfarande alltid ofta öppet prata delta deltar deltagande medverkan medverka ' +
      'närvara hålla håller köra kör körs körning driva driver förbättra förbättras bättre laga lagas område området ' +
      'parkerad parkerade parkerat planering planeringen läget lägesbild lägesbilden lägesrapport',
  },
];

export interface LexiconEntry {
  token: string;
  kind?: FeatureKind;
}

/** Every word of the lexicon, as written, with its concept. */
export function lexiconWords(): { word: string; entry: LexiconEntry }[] {
  return concepts.flatMap((c) => c.words.split(/\s+/).filter(Boolean).map((word) => ({ word, entry: c.kind ? { token: c.token, kind: c.kind } : { token: c.token } })));
}
