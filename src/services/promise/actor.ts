/** Who acts on a promise, as the services need it: the Entra id (never card data) and whether they chair. */
export interface PromiseActor {
  /** aadObjectId, or the Teams id when Teams gave none (such an actor owns nothing). */
  id: string;
  aadObjectId: string | undefined;
  isChair: boolean;
}
