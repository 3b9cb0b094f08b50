/**
 * Who has answered for a meeting: the `status` command and the progress card in the
 * steering channel. Pure: the caller passes the active forums and the answers.
 */

export interface ForumRef {
  id: string;
  name: string;
}

export interface AnswerRef {
  forumId: string;
  submittedAt: Date;
  late: boolean;
}

export interface ResponseStatus {
  /** Answered by the deadline. */
  answered: ForumRef[];
  /** Answered only after the deadline. */
  late: ForumRef[];
  missing: ForumRef[];
}

/** After the deadline is late; exactly at the deadline is still in time. */
export function isLate(submittedAt: Date, deadline: Date): boolean {
  return submittedAt.getTime() > deadline.getTime();
}

/**
 * Splits the active forums by their answers. A forum with several answers (versions)
 * counts as in time if any of them was: a late edit does not undo a timely answer.
 * Answers of forums not in `forums` (inactive, removed) are ignored. Each list is sorted
 * by name in Swedish order (å, ä, ö last), then by id so equal names stay stable.
 */
export function responseStatus(forums: readonly ForumRef[], answers: readonly AnswerRef[]): ResponseStatus {
  const onTime = new Set(answers.filter((a) => !a.late).map((a) => a.forumId));
  const anyAnswer = new Set(answers.map((a) => a.forumId));
  const status: ResponseStatus = { answered: [], late: [], missing: [] };
  for (const forum of sortByName(forums)) {
    const ref = { id: forum.id, name: forum.name };
    if (onTime.has(forum.id)) status.answered.push(ref);
    else if (anyAnswer.has(forum.id)) status.late.push(ref);
    else status.missing.push(ref);
  }
  return status;
}

/** A sorted copy, by Swedish collation of the name, then by id. */
export function sortByName<F extends ForumRef>(forums: readonly F[]): F[] {
  return [...forums].sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
