/**
 * The shipped crisis risk model (./risk-model.json, written by `npm run crisis:train`), validated
 * once at module load: a wrong format, version, shape or checksum throws RiskModelError at start,
 * and a missing file fails the import, so a broken artefact can never silently disable the model.
 * Imported as a module rather than read from disk so that the Remix server bundle carries it too.
 */
import artefactJson from './risk-model.json'
import { RiskModel, validateArtefact } from './model.js'

export const RISK_MODEL = new RiskModel(validateArtefact(artefactJson as unknown, 'core/crisis/model/risk-model.json'))
