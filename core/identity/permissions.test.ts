import { describe, expect, it } from 'vitest'
import { CAPABILITIES, can, requireCapability, type Capability } from './permissions.js'
import { ROLES, type Role } from './identity.schema.js'

/**
 * The whole table of roles × capabilities, written out by hand: a capability given to or taken from a role by
 * mistake changes a cell and fails here. A member can do none of it.
 */
const TABLE: Record<Capability, Record<Role, boolean>> = {
  'crisis:console': { member: false, facilitator: false, clinician: true, admin: true },
  'crisis:escalate-member': { member: false, facilitator: true, clinician: false, admin: true },
  'safety-plan:read-shared': { member: false, facilitator: false, clinician: true, admin: true },
  'moderation:act': { member: false, facilitator: true, clinician: false, admin: true },
  'moderation:every-room': { member: false, facilitator: false, clinician: false, admin: true },
  'rooms:manage': { member: false, facilitator: false, clinician: false, admin: true },
  'groups:lead': { member: false, facilitator: true, clinician: false, admin: false },
  'facilitators:verify': { member: false, facilitator: false, clinician: false, admin: true },
  'library:add-public': { member: false, facilitator: true, clinician: false, admin: true },
  'library:manage-public': { member: false, facilitator: false, clinician: false, admin: true },
  'admin:operate': { member: false, facilitator: false, clinician: false, admin: true },
}

describe('permissions', () => {
  it('lists exactly the capabilities of the table', () => {
    expect(Object.keys(CAPABILITIES).sort()).toEqual(Object.keys(TABLE).sort())
  })

  for (const capability of Object.keys(TABLE) as Capability[]) {
    for (const role of ROLES) {
      const allowed = TABLE[capability][role]
      it(`${role} ${allowed ? 'may' : 'may not'} ${capability}`, () => {
        expect(can({ role }, capability)).toBe(allowed)
        if (allowed) expect(requireCapability({ role }, capability)).toEqual({ role })
        else
          expect(() => requireCapability({ role }, capability)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
      })
    }
  }

  it('refuses everything to nobody', () => {
    for (const capability of Object.keys(TABLE) as Capability[]) expect(can(null, capability)).toBe(false)
  })
})
