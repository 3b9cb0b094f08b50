/** Swedish strings of `exportera mina data` (part of the sv catalog). */
export const privacySv = {
  exportTitle: 'Dina data i Samverkan',
  exportIntro: 'Det här lagrar Samverkan om dig. Hela innehållet, med dina svarstexter, finns i JSON-filen.',
  exportPersonalOnly: 'Be om dina data i din personliga chatt med mig: länken ger dem till den som öppnar den.',
  exportFacts: {
    orgs: 'Organisationer',
    conversations: 'Konversationer',
    forums: 'Forum (medlem eller kontaktperson)',
    answers: 'Inspel du har skickat (versioner)',
    actions: 'Åtgärder du äger',
    audit: 'Ändringar du har gjort (logg)',
    links: 'Dina konton (länkade med kod)',
    roles: 'Roller',
  },
  roleNames: { chair: 'ordförande', steering: 'styrgruppen', none: 'inga' },
  exportLink: (minutes: number) => `Öppna JSON-filen (länken gäller ${minutes} minuter)`,
  exportNeedsIdentity: 'Det gick inte att se vem du är i Teams, så inga data kan hämtas.',
};
