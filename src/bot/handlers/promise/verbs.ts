import type { promiseVerbSchemas } from '../../../../cards/promise/verbs.js';
import type { VerbHandlers } from '../../verbHandler.js';
import { askDeleteAction, createActionVerb, deleteActionVerb, myActions, newAction, openActionEdit, openActionUpdate, saveActionVerb, updateActionVerb } from './actionVerbs.js';
import { openIndicator, openReading, openStatements, saveIndicatorVerb, saveReadingVerb, saveStatementsVerb, showMalbild } from './malbildVerbs.js';
import { newPromise, openCommitment, openPromiseEdit, savePromise, saveCommitmentVerb, setPromiseStatus, showFollowUp, showPromise } from './promiseVerbs.js';

/** Action.Execute handlers of this feature (the mapped type makes a missing verb a build error). */
export const promiseVerbHandlers: VerbHandlers<keyof typeof promiseVerbSchemas> = {
  'promise.show': showPromise,
  'promise.new': (rc) => newPromise(rc),
  'promise.edit': openPromiseEdit,
  'promise.save': savePromise,
  'promise.agree': (rc, data) => setPromiseStatus(rc, data, 'faststallt'),
  'promise.close': (rc, data) => setPromiseStatus(rc, data, 'avslutat'),
  'promise.commitmentOpen': openCommitment,
  'promise.commitmentSave': saveCommitmentVerb,
  'promise.followUp': showFollowUp,
  'action.new': newAction,
  'action.create': createActionVerb,
  'action.edit': openActionEdit,
  'action.save': saveActionVerb,
  'action.open': openActionUpdate,
  'action.update': updateActionVerb,
  'action.mine': (rc) => myActions(rc),
  'action.deleteAsk': askDeleteAction,
  'action.deleteConfirm': deleteActionVerb,
  'malbild.show': showMalbild,
  'malbild.edit': openStatements,
  'malbild.save': saveStatementsVerb,
  'malbild.indicatorNew': openIndicator,
  'malbild.indicatorSave': saveIndicatorVerb,
  'malbild.readingOpen': openReading,
  'malbild.readingSave': saveReadingVerb,
};
