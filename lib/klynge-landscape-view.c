/* klynge-landscape-view.c: the landscape as it stood on a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-landscape-private.h"

/**
 * KlyngeLandscapeView:
 *
 * The landscape as it stood on a date, without a copy: the view holds a
 * reference on the landscape and the date, and answers from the
 * landscape's current records each time it is asked, so edits to the
 * landscape show. Organisations are those known to be active on the date
 * (klynge_landscape_get_status()); those whose status that day is not
 * known are counted apart (klynge_landscape_view_count_not_known());
 * members are those whose membership covers the date.
 */
struct _KlyngeLandscapeView
{
  GObject parent_instance;
  KlyngeLandscape *landscape;
  KlyngeDate date;
};

G_DEFINE_FINAL_TYPE (KlyngeLandscapeView, klynge_landscape_view, G_TYPE_OBJECT)

static KlyngeOrganisationStatus
status_at (KlyngeLandscapeView *self,
           guint                index)
{
  return _klynge_landscape_status_of (self->landscape, g_ptr_array_index (self->landscape->organisations, index),
                                      &self->date, NULL);
}

static guint
count_with_status (KlyngeLandscapeView      *self,
                   KlyngeOrganisationStatus  status)
{
  guint n = 0;

  for (guint i = 0; i < self->landscape->organisations->len; i++)
    if (status_at (self, i) == status)
      n++;
  return n;
}

static void
klynge_landscape_view_finalize (GObject *object)
{
  KlyngeLandscapeView *self = KLYNGE_LANDSCAPE_VIEW (object);

  g_clear_object (&self->landscape);
  G_OBJECT_CLASS (klynge_landscape_view_parent_class)->finalize (object);
}

static void
klynge_landscape_view_class_init (KlyngeLandscapeViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_landscape_view_finalize;
}

static void
klynge_landscape_view_init (KlyngeLandscapeView *self)
{
}

/**
 * klynge_landscape_view_new:
 * @landscape: a landscape
 * @date: a set date; a partial date stands for its first day
 *
 * Returns: (transfer full): a view of @landscape as it stood on @date
 */
KlyngeLandscapeView *
klynge_landscape_view_new (KlyngeLandscape  *landscape,
                           const KlyngeDate *date)
{
  KlyngeLandscapeView *self;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (landscape), NULL);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), NULL);

  self = g_object_new (KLYNGE_TYPE_LANDSCAPE_VIEW, NULL);
  self->landscape = g_object_ref (landscape);
  self->date = *date;
  return self;
}

/**
 * klynge_landscape_view_get_landscape:
 * @self: a view
 *
 * Returns: (transfer none): the landscape viewed
 */
KlyngeLandscape *
klynge_landscape_view_get_landscape (KlyngeLandscapeView *self)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), NULL);
  return self->landscape;
}

/**
 * klynge_landscape_view_get_date:
 * @self: a view
 *
 * Returns: (transfer none): the date of the view
 */
const KlyngeDate *
klynge_landscape_view_get_date (KlyngeLandscapeView *self)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), NULL);
  return &self->date;
}

/**
 * klynge_landscape_view_is_active:
 * @self: a view
 * @id: an id
 *
 * Returns: whether @id names an organisation known to be active on the
 *   view's date
 */
gboolean
klynge_landscape_view_is_active (KlyngeLandscapeView *self,
                                 const char          *id)
{
  KlyngeOrgEntry *entry;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = _klynge_landscape_get_org_entry (self->landscape, id);
  return entry != NULL
         && _klynge_landscape_status_of (self->landscape, entry, &self->date, NULL) == KLYNGE_ORGANISATION_STATUS_ACTIVE;
}

/**
 * klynge_landscape_view_count_organisations:
 * @self: a view
 *
 * Returns: how many organisations were known to be active on the view's
 *   date; those whose status is not known are not among them
 */
guint
klynge_landscape_view_count_organisations (KlyngeLandscapeView *self)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), 0);
  return count_with_status (self, KLYNGE_ORGANISATION_STATUS_ACTIVE);
}

/**
 * klynge_landscape_view_count_not_known:
 * @self: a view
 *
 * Returns: how many organisations' status on the view's date is
 *   %KLYNGE_ORGANISATION_STATUS_NOT_KNOWN: they may or may not have been
 *   active that day
 */
guint
klynge_landscape_view_count_not_known (KlyngeLandscapeView *self)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), 0);
  return count_with_status (self, KLYNGE_ORGANISATION_STATUS_NOT_KNOWN);
}

/**
 * klynge_landscape_view_list_organisations:
 * @self: a view
 * @filter: (nullable): further conditions, or %NULL
 *
 * Returns: (transfer container) (element-type KlyngeOrganisation): the
 *   organisations known to be active on the view's date that match
 *   @filter, in
 *   landscape order; the array holds a reference on each
 */
GPtrArray *
klynge_landscape_view_list_organisations (KlyngeLandscapeView *self,
                                          KlyngeFilter        *filter)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->landscape->organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->landscape->organisations, i);

      if (status_at (self, i) == KLYNGE_ORGANISATION_STATUS_ACTIVE
          && _klynge_landscape_filter_matches (self->landscape, entry, filter))
        g_ptr_array_add (out, g_object_ref (entry->organisation));
    }
  return out;
}

/**
 * klynge_landscape_view_list_members_of:
 * @self: a view
 * @organisation: an organisation's id
 *
 * Returns: (transfer container) (element-type KlyngeMember) (nullable): the
 *   distinct members whose membership of @organisation covers the view's
 *   date, in the order members were added; %NULL when @organisation is not
 *   an organisation of the landscape. The array holds a reference on each.
 */
GPtrArray *
klynge_landscape_view_list_members_of (KlyngeLandscapeView *self,
                                       const char          *organisation)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  return klynge_landscape_list_members_of (self->landscape, organisation, &self->date);
}

/**
 * klynge_landscape_view_count_members_of:
 * @self: a view
 * @organisation: an organisation's id
 *
 * Counts what klynge_landscape_view_list_members_of() lists, without
 * creating member objects: the members recorded, which are all of them
 * only when the organisation's member list is complete (see
 * klynge_landscape_view_get_member_count()).
 *
 * Returns: the number of distinct members of @organisation recorded on
 *   the view's date; 0 when it is not an organisation of the landscape
 */
guint
klynge_landscape_view_count_members_of (KlyngeLandscapeView *self,
                                        const char          *organisation)
{
  const KlyngeMembershipSlot *slots;
  KlyngeOrgEntry *entry;
  guint32 day;
  guint n = 0, n_slots, i = 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), 0);
  g_return_val_if_fail (organisation != NULL, 0);

  entry = _klynge_landscape_get_org_entry (self->landscape, organisation);
  if (entry == NULL)
    return 0;
  day = klynge_date_get_first_day (&self->date);
  slots = _klynge_membership_store_org_slots (entry, &n_slots);
  while (_klynge_membership_store_next_member_on (slots, n_slots, &i, day) != G_MAXUINT32)
    n++;
  return n;
}

/**
 * klynge_landscape_view_get_member_count:
 * @self: a view
 * @organisation: an organisation's id
 * @count: (out caller-allocates): the distinct members of @organisation
 *   on the view's date: exact when its member list is complete, otherwise
 *   at least those recorded, or not known when none is; not known when it
 *   is not an organisation of the landscape
 *
 * The members of an organisation on the view's date, with their
 * certainty.
 */
void
klynge_landscape_view_get_member_count (KlyngeLandscapeView *self,
                                        const char          *organisation,
                                        KlyngeCount         *count)
{
  KlyngeOrgEntry *entry;

  g_return_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self));
  g_return_if_fail (organisation != NULL && count != NULL);

  entry = _klynge_landscape_get_org_entry (self->landscape, organisation);
  klynge_count_init (count, entry != NULL ? klynge_landscape_view_count_members_of (self, organisation) : 0,
                     entry != NULL && klynge_organisation_get_member_list (entry->organisation)
                                      == KLYNGE_MEMBER_LIST_COMPLETE);
}

/**
 * klynge_landscape_view_get_status:
 * @self: a view
 * @id: the id of an organisation of the landscape
 * @merged_into: (out) (optional) (transfer none) (nullable): the successor,
 *   for %KLYNGE_ORGANISATION_STATUS_MERGED
 *
 * Returns: klynge_landscape_get_status() on the view's date
 */
KlyngeOrganisationStatus
klynge_landscape_view_get_status (KlyngeLandscapeView  *self,
                                  const char           *id,
                                  const char          **merged_into)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);
  return klynge_landscape_get_status (self->landscape, id, &self->date, merged_into);
}

/**
 * klynge_landscape_view_resolve:
 * @self: a view
 * @id: an organisation's id
 *
 * Returns: (transfer none) (nullable): klynge_landscape_resolve_on() on the
 *   view's date
 */
const char *
klynge_landscape_view_resolve (KlyngeLandscapeView *self,
                               const char          *id)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE_VIEW (self), NULL);
  return klynge_landscape_resolve_on (self->landscape, id, &self->date);
}
