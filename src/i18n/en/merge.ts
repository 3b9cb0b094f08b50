import type { mergeSv } from '../sv/merge.js';

/** English strings of the chairs' corrections of the question groups (part of the en catalog). */
export const mergeEn: typeof mergeSv = {
  open: 'Correct the question groups',
  help: 'Questions that mean the same are merged automatically. Here a chair can split a question out of its group or join two groups. The correction also holds when the picture is compiled again.',
  splitLabel: 'Split a question out of its group',
  split: 'Split out',
  joinA: 'Join the group …',
  joinB: '… with the group',
  join: 'Join',
  choice: (forum: string, text: string) => `${forum}: ${text}`,
  groupChoice: (rank: number, text: string, forums: number) => `${rank}. ${text} (${forums} forum${forums === 1 ? '' : 's'})`,
  chairsOnly: "Only the steering group's chairs can correct the question groups.",
  refused: {
    noSnapshot: 'There is no lägesbild to correct yet. Say **compile** first.',
    unknownQuestion: 'That question is no longer in the lägesbild – it may have changed. The card shows the latest lägesbild.',
    alone: 'That question already stands alone in its group.',
    sameGroup: 'Those questions are already in one group. Choose two different groups.',
    choose: 'Choose a question (or two groups) in the list first.',
  },
  askedBy: (forums: string) => `_Asked by ${forums}_`,
};
