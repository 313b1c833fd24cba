/**
 * The routes' only door into core. Remix's classic compiler keeps `.server` modules out of the
 * browser bundle, so routes import core through here (docs/decisions/002-remix-classic-compiler.md).
 */
export * from '../core/identity/identity.service.js'
export {
  signInSchema, signUpAnonymousSchema, signUpRegisteredSchema, recoverSchema, requestResetSchema,
  resetPasswordSchema, preferencesSchema, sensitiveProfileSchema,
} from '../core/identity/identity.schema.js'
export { listRooms } from '../core/rooms/rooms.queries.js'
