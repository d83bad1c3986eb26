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
  KlyngeMembershipRole role;
  KlyngeMembershipEnd end;
};

G_DEFINE_BOXED_TYPE (KlyngeMembership, klynge_membership,
                     klynge_membership_copy, klynge_membership_free)

G_STATIC_ASSERT (KLYNGE_MEMBERSHIP_ROLES_ALL
                 == (KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER)
                     | KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_PARTNER)
                     | KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT)));

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
  return klynge_membership_new_full (organisation, member, since, until,
                                     KLYNGE_MEMBERSHIP_ROLE_MEMBER, KLYNGE_MEMBERSHIP_END_NONE);
}

/**
 * klynge_membership_new_full:
 * @organisation: the organisation's id
 * @member: the member's id
 * @since: (nullable): when the membership began
 * @until: (nullable): its last day (a partial date stands for its last day)
 * @role: what the member is to the organisation
 * @end: why the membership ended; %KLYNGE_MEMBERSHIP_END_NONE unless
 *   @until is set
 *
 * Creates a membership value with a role and an end reason (format
 * version 2). It is not added to any landscape; see
 * klynge_landscape_add_membership_full().
 *
 * Returns: (transfer full): a new membership
 */
KlyngeMembership *
klynge_membership_new_full (const char           *organisation,
                            const char           *member,
                            const KlyngeDate     *since,
                            const KlyngeDate     *until,
                            KlyngeMembershipRole  role,
                            KlyngeMembershipEnd   end)
{
  KlyngeMembership *membership;

  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (role <= KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, NULL);
  g_return_val_if_fail (end <= KLYNGE_MEMBERSHIP_END_UNKNOWN, NULL);

  membership = g_new0 (KlyngeMembership, 1);
  membership->organisation = g_strdup (organisation);
  membership->member = g_strdup (member);
  if (since != NULL)
    membership->since = *since;
  if (until != NULL)
    membership->until = *until;
  membership->role = role;
  membership->end = end;
  return membership;
}

/*
 * _klynge_membership_check_end:
 * @member: the member's id, for the message
 * @until: (nullable): the membership's until date
 * @end: its end reason
 *
 * The rule, in one place for the reader and the API: only a membership
 * that has ended has a reason for ending.
 *
 * Returns: %TRUE when @end may go with @until
 */
gboolean
_klynge_membership_check_end (const char          *member,
                              const KlyngeDate    *until,
                              KlyngeMembershipEnd  end,
                              GError             **error)
{
  if (end == KLYNGE_MEMBERSHIP_END_NONE || (until != NULL && klynge_date_is_set (until)))
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL,
               "membership of “%s” has an end reason (%s) but no until date",
               member, _klynge_enum_to_nick (KLYNGE_TYPE_MEMBERSHIP_END, end));
  return FALSE;
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
  return klynge_membership_new_full (membership->organisation, membership->member,
                                     &membership->since, &membership->until,
                                     membership->role, membership->end);
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
 * klynge_membership_get_role:
 * @membership: a membership
 *
 * Returns: what the member is to the organisation;
 *   %KLYNGE_MEMBERSHIP_ROLE_MEMBER unless the record says otherwise
 */
KlyngeMembershipRole
klynge_membership_get_role (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, KLYNGE_MEMBERSHIP_ROLE_MEMBER);
  return membership->role;
}

/**
 * klynge_membership_get_end:
 * @membership: a membership
 *
 * Returns: why the membership ended; %KLYNGE_MEMBERSHIP_END_NONE when it
 *   goes on or the record gives no reason
 */
KlyngeMembershipEnd
klynge_membership_get_end (const KlyngeMembership *membership)
{
  g_return_val_if_fail (membership != NULL, KLYNGE_MEMBERSHIP_END_NONE);
  return membership->end;
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
