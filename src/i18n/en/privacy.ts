import type { privacySv } from '../sv/privacy.js';

/** English strings of `export my data` (part of the en catalog). */
export const privacyEn: typeof privacySv = {
  exportTitle: 'Your data in Samverkan',
  exportIntro: 'This is what Samverkan stores about you. Everything, including the text of your answers, is in the JSON file.',
  exportPersonalOnly: 'Ask for your data in your personal chat with me: the link gives them to whoever opens it.',
  exportFacts: {
    orgs: 'Organisations',
    conversations: 'Conversations',
    forums: 'Forums (member or contact person)',
    answers: 'Inputs you submitted (versions)',
    actions: 'Action items you own',
    audit: 'Changes you made (log)',
    links: 'Your accounts (linked by code)',
    roles: 'Roles',
  },
  roleNames: { chair: 'chair', steering: 'steering group', none: 'none' },
  exportLink: (minutes: number) => `Open the JSON file (the link is valid for ${minutes} minutes)`,
  exportNeedsIdentity: 'Teams did not say who you are, so no data can be looked up.',
};
