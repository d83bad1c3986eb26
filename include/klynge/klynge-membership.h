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
KlyngeMembership *klynge_membership_copy             (const KlyngeMembership *membership);
void              klynge_membership_free             (KlyngeMembership       *membership);
const char       *klynge_membership_get_organisation (const KlyngeMembership *membership);
const char       *klynge_membership_get_member       (const KlyngeMembership *membership);
const KlyngeDate *klynge_membership_get_since        (const KlyngeMembership *membership);
const KlyngeDate *klynge_membership_get_until        (const KlyngeMembership *membership);
gboolean          klynge_membership_is_active_on     (const KlyngeMembership *membership,
                                                      const KlyngeDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeMembership, klynge_membership_free)

G_END_DECLS
