/* klynge-filter.c: which organisations a listing returns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-private.h"

struct _KlyngeFilter
{
  gatomicrefcount ref_count;
  gboolean has_kind;
  KlyngeOrganisationKind kind;
  char *focus_area;
  char *city;
  char *region;
  char *municipality;
  KlyngeDate active_on;
  gboolean include_not_known;
};

G_DEFINE_BOXED_TYPE (KlyngeFilter, klynge_filter, klynge_filter_ref, klynge_filter_unref)

/**
 * klynge_filter_new:
 *
 * Creates a filter with no conditions: it matches every organisation.
 *
 * Returns: (transfer full): a new filter
 */
KlyngeFilter *
klynge_filter_new (void)
{
  KlyngeFilter *filter = g_new0 (KlyngeFilter, 1);

  g_atomic_ref_count_init (&filter->ref_count);
  return filter;
}

/**
 * klynge_filter_ref:
 * @filter: a filter
 *
 * Returns: (transfer full): @filter
 */
KlyngeFilter *
klynge_filter_ref (KlyngeFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  g_atomic_ref_count_inc (&filter->ref_count);
  return filter;
}

/**
 * klynge_filter_unref:
 * @filter: (transfer full): a filter
 *
 * Drops a reference; frees the filter when it was the last.
 */
void
klynge_filter_unref (KlyngeFilter *filter)
{
  g_return_if_fail (filter != NULL);
  if (!g_atomic_ref_count_dec (&filter->ref_count))
    return;
  g_free (filter->focus_area);
  g_free (filter->city);
  g_free (filter->region);
  g_free (filter->municipality);
  g_free (filter);
}

/**
 * klynge_filter_set_kind:
 * @filter: a filter
 * @kind: the kind organisations must have
 *
 * Keeps only organisations of @kind.
 */
void
klynge_filter_set_kind (KlyngeFilter           *filter,
                        KlyngeOrganisationKind  kind)
{
  g_return_if_fail (filter != NULL);
  filter->has_kind = TRUE;
  filter->kind = kind;
}

/**
 * klynge_filter_set_focus_area:
 * @filter: a filter
 * @focus_area: (nullable): a focus area, compared exactly; %NULL drops the
 *   condition
 *
 * Keeps only organisations with @focus_area among their focus areas.
 */
void
klynge_filter_set_focus_area (KlyngeFilter *filter,
                              const char   *focus_area)
{
  g_return_if_fail (filter != NULL);
  g_free (filter->focus_area);
  filter->focus_area = g_strdup (focus_area);
}

/**
 * klynge_filter_set_city:
 * @filter: a filter
 * @city: (nullable): a city, compared exactly; %NULL drops the condition
 *
 * Keeps only organisations with a location in @city.
 */
void
klynge_filter_set_city (KlyngeFilter *filter,
                        const char   *city)
{
  g_return_if_fail (filter != NULL);
  g_free (filter->city);
  filter->city = g_strdup (city);
}

/**
 * klynge_filter_set_region:
 * @filter: a filter
 * @region: (nullable): a region code such as `DK05` (see
 *   klynge_list_regions()); %NULL drops the condition
 *
 * Keeps only organisations with a location in @region: one that states
 * it, or states a municipality in it (see
 * klynge_organisation_has_region()). A code that is not a region matches
 * nothing; klynge_region_is_known() tells it apart first.
 */
void
klynge_filter_set_region (KlyngeFilter *filter,
                          const char   *region)
{
  g_return_if_fail (filter != NULL);
  g_free (filter->region);
  filter->region = g_strdup (region);
}

/**
 * klynge_filter_set_municipality:
 * @filter: a filter
 * @municipality: (nullable): a municipality code such as `851` (see
 *   klynge_list_municipalities()); %NULL drops the condition
 *
 * Keeps only organisations with a location that states @municipality. A
 * code that is not a municipality matches nothing;
 * klynge_municipality_is_known() tells it apart first.
 */
void
klynge_filter_set_municipality (KlyngeFilter *filter,
                                const char   *municipality)
{
  g_return_if_fail (filter != NULL);
  g_free (filter->municipality);
  filter->municipality = g_strdup (municipality);
}

/**
 * klynge_filter_set_active_on:
 * @filter: a filter
 * @date: (nullable): a date; %NULL drops the condition
 *
 * Keeps only organisations active on @date (see
 * klynge_organisation_is_active_on()).
 */
void
klynge_filter_set_active_on (KlyngeFilter     *filter,
                             const KlyngeDate *date)
{
  g_return_if_fail (filter != NULL);
  if (date != NULL)
    filter->active_on = *date;
  else
    memset (&filter->active_on, 0, sizeof filter->active_on);
}

/**
 * klynge_filter_set_include_not_known:
 * @filter: a filter
 * @include: whether organisations whose status on the active-on date is
 *   not known match too
 *
 * With an active-on date (klynge_filter_set_active_on()), also keeps the
 * organisations that the records show neither active nor inactive on it
 * (%KLYNGE_ORGANISATION_STATUS_NOT_KNOWN), so that a caller can list
 * them apart; klynge_landscape_get_status() tells the two kinds of match
 * from each other. Off for a new filter.
 */
void
klynge_filter_set_include_not_known (KlyngeFilter *filter,
                                     gboolean      include)
{
  g_return_if_fail (filter != NULL);
  filter->include_not_known = !!include;
}

const KlyngeDate *
_klynge_filter_get_active_on (KlyngeFilter *filter)
{
  return filter != NULL && klynge_date_is_set (&filter->active_on) ? &filter->active_on : NULL;
}

gboolean
_klynge_filter_matches_status (KlyngeFilter             *filter,
                               KlyngeOrganisation       *organisation,
                               KlyngeOrganisationStatus  status)
{
  if (filter == NULL)
    return TRUE;
  if (filter->has_kind && klynge_organisation_get_kind (organisation) != filter->kind)
    return FALSE;
  if (filter->focus_area != NULL
      && !klynge_organisation_has_focus_area (organisation, filter->focus_area))
    return FALSE;
  if (filter->city != NULL && !klynge_organisation_has_city (organisation, filter->city))
    return FALSE;
  if (filter->region != NULL && !klynge_organisation_has_region (organisation, filter->region))
    return FALSE;
  if (filter->municipality != NULL
      && !klynge_organisation_has_municipality (organisation, filter->municipality))
    return FALSE;
  if (klynge_date_is_set (&filter->active_on)
      && status != KLYNGE_ORGANISATION_STATUS_ACTIVE
      && !(filter->include_not_known && status == KLYNGE_ORGANISATION_STATUS_NOT_KNOWN))
    return FALSE;
  return TRUE;
}

/**
 * klynge_filter_matches:
 * @filter: (nullable): a filter; %NULL matches everything
 * @organisation: an organisation
 *
 * Whether @organisation meets every condition of @filter. Outside a
 * landscape only the organisation's own record tells its status on the
 * active-on date (as for klynge_organisation_is_active_on());
 * klynge_landscape_list_organisations() also counts what the landscape's
 * other records state (klynge_landscape_get_status()).
 *
 * Returns: whether @organisation meets every condition of @filter
 */
gboolean
klynge_filter_matches (KlyngeFilter       *filter,
                       KlyngeOrganisation *organisation)
{
  KlyngeOrganisationStatus status = KLYNGE_ORGANISATION_STATUS_ACTIVE;

  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (organisation), FALSE);

  if (filter == NULL)
    return TRUE;
  if (klynge_date_is_set (&filter->active_on))
    status = _klynge_organisation_status_on (organisation, klynge_date_get_first_day (&filter->active_on),
                                             _klynge_organisation_first_stated_day (organisation));
  return _klynge_filter_matches_status (filter, organisation, status);
}
