/* klynge-membership.h: a member in an organisation, with its dates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-date.h>

G_BEGIN_DECLS

/**
 * KlyngeMembershipRole:
 * @KLYNGE_MEMBERSHIP_ROLE_MEMBER: a member (`member`; the default, never
 *   written)
 * @KLYNGE_MEMBERSHIP_ROLE_PARTNER: a partner (`partner`)
 * @KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT: takes part in activities without
 *   being a member (`participant`)
 *
 * What a member is to the organisation (format version 2).
 */
typedef enum {
  KLYNGE_MEMBERSHIP_ROLE_MEMBER,
  KLYNGE_MEMBERSHIP_ROLE_PARTNER,
  KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT,
} KlyngeMembershipRole;

GType klynge_membership_role_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBERSHIP_ROLE (klynge_membership_role_get_type ())

/**
 * KLYNGE_MEMBERSHIP_ROLE_BIT:
 * @role: a #KlyngeMembershipRole
 *
 * The bit of @role in a mask of roles, as
 * klynge_landscape_member_overlaps_full() takes.
 */
#define KLYNGE_MEMBERSHIP_ROLE_BIT(role) (1u << (role))

/**
 * KLYNGE_MEMBERSHIP_ROLES_ALL:
 *
 * The mask of every role. A literal, so that introspection gives bindings
 * its value (`1 << role` for each role there).
 */
#define KLYNGE_MEMBERSHIP_ROLES_ALL 0x7

/**
 * KlyngeMembershipEnd:
 * @KLYNGE_MEMBERSHIP_END_NONE: no reason stated: the membership goes on,
 *   or it ended for a reason the record does not give (no `end`)
 * @KLYNGE_MEMBERSHIP_END_LEFT: the member left (`left`)
 * @KLYNGE_MEMBERSHIP_END_MERGED: the organisation merged into another, which
 *   carries the membership on (`merged`)
 * @KLYNGE_MEMBERSHIP_END_DISSOLVED: the organisation was dissolved
 *   (`dissolved`)
 * @KLYNGE_MEMBERSHIP_END_UNKNOWN: the record states that why it ended is
 *   not known (`unknown`)
 *
 * Why a membership ended (format version 2); only a membership with an
 * until date has a reason.
 */
typedef enum {
  KLYNGE_MEMBERSHIP_END_NONE,
  KLYNGE_MEMBERSHIP_END_LEFT,
  KLYNGE_MEMBERSHIP_END_MERGED,
  KLYNGE_MEMBERSHIP_END_DISSOLVED,
  KLYNGE_MEMBERSHIP_END_UNKNOWN,
} KlyngeMembershipEnd;

GType klynge_membership_end_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBERSHIP_END (klynge_membership_end_get_type ())

/**
 * KlyngeMembership:
 *
 * A member's membership of an organisation: the two ids and the optional
 * since and until dates (until is inclusive). A small immutable value
 * handed out by #KlyngeLandscape; the landscape itself stores memberships
 * compactly, not as one object each.
 */
typedef struct _KlyngeMembership KlyngeMembership;

GType             klynge_membership_get_type         (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBERSHIP (klynge_membership_get_type ())

KlyngeMembership *klynge_membership_new              (const char             *organisation,
                                                      const char             *member,
                                                      const KlyngeDate       *since,
                                                      const KlyngeDate       *until);
KlyngeMembership *klynge_membership_new_full         (const char             *organisation,
                                                      const char             *member,
                                                      const KlyngeDate       *since,
                                                      const KlyngeDate       *until,
                                                      KlyngeMembershipRole    role,
                                                      KlyngeMembershipEnd     end);
KlyngeMembership *klynge_membership_copy             (const KlyngeMembership *membership);
void              klynge_membership_free             (KlyngeMembership       *membership);
const char       *klynge_membership_get_organisation (const KlyngeMembership *membership);
const char       *klynge_membership_get_member       (const KlyngeMembership *membership);
const KlyngeDate *klynge_membership_get_since        (const KlyngeMembership *membership);
const KlyngeDate *klynge_membership_get_until        (const KlyngeMembership *membership);
KlyngeMembershipRole klynge_membership_get_role      (const KlyngeMembership *membership);
KlyngeMembershipEnd  klynge_membership_get_end       (const KlyngeMembership *membership);
gboolean          klynge_membership_is_active_on     (const KlyngeMembership *membership,
                                                      const KlyngeDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeMembership, klynge_membership_free)

G_END_DECLS
