/** Swedish strings of the Outlook/Teams calendar (Microsoft Graph) feature. */
export const calendarSv = {
  join: 'Anslut till Teams-mötet',
  openInOutlook: 'Öppna i Outlook',
  eventBody: (title: string, publicUrl: string) =>
    `${title} – styrgruppen för trygghet och brottsförebyggande arbete (kommun och polis).\n\nLägesbild, dagordning och inspel finns i Samverkan i styrgruppens Teams-kanal.\n${publicUrl}`,
  cancelComment: (title: string) => `${title} är avbokat. Inspel och påminnelser för mötet är borttagna i Samverkan.`,
  status: {
    inCalendar: (count: number) => `I Outlook-kalendern, ${count} inbjudna`,
    pending: 'Läggs in i Outlook-kalendern …',
    problem: 'Kalenderproblem – se meddelandet till ordförandena',
  },
  problem: {
    attendeesTitle: 'Alla i styrgruppens kanal kunde inte bjudas in till mötena',
    title: (meeting: string) => `Kalendern för ${meeting} kunde inte uppdateras`,
    credentials: (code: string) =>
      `Samverkan kan inte logga in mot Microsoft Graph (${code}). Klienthemligheten har troligen gått ut eller är fel. En administratör skapar en ny hemlighet i Entra-administrationscentret (Appregistreringar → Samverkan → Certifikat och hemligheter) och sätter den i GRAPH_CLIENT_SECRET.`,
    permission: (mailbox: string, code: string) =>
      `Samverkan har inte behörighet till kalendern i postlådan ${mailbox} (${code}). En administratör ger administratörsmedgivande för Calendars.ReadWrite och User.Read.All och kontrollerar att postlådan ingår i appens åtkomstprincip i Exchange Online.`,
    mailbox: (mailbox: string, code: string) =>
      `Postlådan ${mailbox} finns inte eller saknar Exchange Online (${code}). Kontrollera GRAPH_ORGANIZER.`,
    attendeesMissing: (names: string) =>
      `De här medlemmarna finns inte längre i organisationens katalog och bjöds inte in: ${names}. Ta bort dem ur styrgruppens kanal.`,
    failed: (attempts: number, code: string) =>
      `Microsoft Graph svarade inte efter ${attempts} försök (${code}). Mötet ligger kvar i planen och .ics-filen fungerar. Försöket syns i Bull Board (/admin/queues) och görs om automatiskt vid nästa avstämning.`,
    planUnaffected: 'Mötesplanen och påminnelserna påverkas inte.',
  },
};
