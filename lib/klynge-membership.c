/* klynge-membership.c: a member in an organisation, with its dates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-private.h"

struct _KlyngeMembership
{
  char *organisation;
  char *member;
  KlyngeDate since;
  KlyngeDate until;
};

G_DEFINE_BOXED_TYPE (KlyngeMembership, klynge_membership,
                     klynge_membership_copy, klynge_membership_free)

/**
 * klynge_membership_new:
 * @organisation: the organisation's id
 * @member: the member's id
 * @since: (nullable): when the membership began
 * @until: (nullable): its last day (a partial date stands for its last day)
 *
 * Creates a membership value. It is not added to any landscape; see
 * klynge_landscape_add_membership().
 *
 * Returns: (transfer full): a new membership
 */
KlyngeMembership *
klynge_membership_new (const char       *organisation,
                       const char       *member,
                       const KlyngeDate *since,
                       const KlyngeDate *until)
{
  KlyngeMembership *membership;

  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  membership = g_new0 (KlyngeMembership, 1);
  membership->organisation = g_strdup (organisation);
  membership->member = g_strdup (member);
  if (since != NULL)
    membership->since = *since;
  if (until != NULL)
    membership->until = *until;
  return membership;
}

/**
 * klynge_membership_copy:
 * @membership: a membership
 *
 * Returns: (transfer full): a copy of @membership
 */
KlyngeMembership *
klynge_membership_copy (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, NULL);
  return klynge_membership_new (membership->organisation, membership->member,
                                &membership->since, &membership->until);
}

/**
 * klynge_membership_free:
 * @membership: (transfer full): a membership
 *
 * Frees @membership.
 */
void
klynge_membership_free (KlyngeMembership *membership)
{
  if (membership == NULL)
    return;
  g_free (membership->organisation);
  g_free (membership->member);
  g_free (membership);
}

/**
 * klynge_membership_get_organisation:
 * @membership: a membership
 *
 * Returns: the organisation's id
 */
const char *
klynge_membership_get_organisation (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, NULL);
  return membership->organisation;
}

/**
 * klynge_membership_get_member:
 * @membership: a membership
 *
 * Returns: the member's id
 */
const char *
klynge_membership_get_member (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, NULL);
  return membership->member;
}

/**
 * klynge_membership_get_since:
 * @membership: a membership
 *
 * Returns: (transfer none): when it began; unset (year 0) when not known
 */
const KlyngeDate *
klynge_membership_get_since (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, NULL);
  return &membership->since;
}

/**
 * klynge_membership_get_until:
 * @membership: a membership
 *
 * Returns: (transfer none): its last day; unset (year 0) while it lasts
 */
const KlyngeDate *
klynge_membership_get_until (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, NULL);
  return &membership->until;
}

/**
 * klynge_membership_is_active_on:
 * @membership: a membership
 * @date: a date (a partial date stands for its first day)
 *
 * Returns: whether the membership had begun by @date and had not ended
 *   before it
 */
gboolean
klynge_membership_is_active_on (const KlyngeMembership *membership,
                                const KlyngeDate       *date)
{
  guint32 day;

  g_return_val_if_fail (membership != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  day = klynge_date_get_first_day (date);
  if (klynge_date_is_set (&membership->since)
      && klynge_date_get_first_day (&membership->since) > day)
    return FALSE;
  if (klynge_date_is_set (&membership->until)
      && klynge_date_get_last_day (&membership->until) < day)
    return FALSE;
  return TRUE;
}
