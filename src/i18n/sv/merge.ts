/** Swedish strings of the chairs' corrections of the question groups (part of the sv catalog). */
export const mergeSv = {
  open: 'Rätta frågegrupperna',
  help: 'Frågor som betyder samma sak slås ihop automatiskt. Här kan ordförande bryta ut en fråga ur en grupp eller slå ihop två grupper. Rättelsen gäller också när lägesbilden sammanställs igen.',
  splitLabel: 'Bryt ut en fråga ur sin grupp',
  split: 'Bryt ut',
  joinA: 'Slå ihop gruppen …',
  joinB: '… med gruppen',
  join: 'Slå ihop',
  choice: (forum: string, text: string) => `${forum}: ${text}`,
  groupChoice: (rank: number, text: string, forums: number) => `${rank}. ${text} (${forums} forum)`,
  chairsOnly: 'Bara styrgruppens ordförande kan rätta frågegrupperna.',
  refused: {
    noSnapshot: 'Det finns ingen lägesbild att rätta ännu. Skriv **sammanställ** först.',
    unknownQuestion: 'Frågan finns inte längre i lägesbilden – den kan ha ändrats. Kortet visar den senaste lägesbilden.',
    alone: 'Frågan står redan ensam i sin grupp.',
    sameGroup: 'Frågorna är redan i samma grupp. Välj två olika grupper.',
    choose: 'Välj en fråga (eller två grupper) i listan först.',
  },
  askedBy: (forums: string) => `_Ställd av ${forums}_`,
};
