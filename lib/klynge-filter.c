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
  /* the values as klynge compares them (_klynge_area_fold()) */
  char *focus_area_folded;
  char *city_folded;
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
  g_free (filter->focus_area_folded);
  g_free (filter->city_folded);
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

/* Sets a text condition and the form in which it is compared. */
static void
set_text (char       **value,
          char       **folded,
          const char  *text)
{
  g_free (*value);
  g_free (*folded);
  *value = g_strdup (text);
  *folded = text != NULL ? _klynge_area_fold (text) : NULL;
}

/**
 * klynge_filter_set_focus_area:
 * @filter: a filter
 * @focus_area: (nullable): part of a focus area, in any case; %NULL drops
 *   the condition
 *
 * Keeps only organisations with a focus area that contains @focus_area,
 * or that names an area of klynge's vocabulary (klynge_area_lookup())
 * whose Danish or English label contains it, compared without regard to
 * case or Unicode normalisation: as a user types. So `energi` and
 * `energy` both keep an organisation whose focus area is
 * `Energiteknologi` (in English `Energy technology`). A free-text focus
 * area names the area of any scheme it is a label of.
 *
 * A value that no focus area and no label contains matches nothing;
 * klynge_filter_check() tells such a value from one that matches no
 * organisation of a landscape.
 */
void
klynge_filter_set_focus_area (KlyngeFilter *filter,
                              const char   *focus_area)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (focus_area == NULL || g_utf8_validate (focus_area, -1, NULL));
  set_text (&filter->focus_area, &filter->focus_area_folded, focus_area);
}

/**
 * klynge_filter_set_city:
 * @filter: a filter
 * @city: (nullable): part of a city's name, in any case; %NULL drops the
 *   condition
 *
 * Keeps only organisations with a location in a city whose name contains
 * @city, compared without regard to case or Unicode normalisation: `aalborg`
 * keeps an organisation in Aalborg. As for the focus area, see
 * klynge_filter_check() for a value no city contains.
 */
void
klynge_filter_set_city (KlyngeFilter *filter,
                        const char   *city)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (city == NULL || g_utf8_validate (city, -1, NULL));
  set_text (&filter->city, &filter->city_folded, city);
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

static gboolean
has_focus_area_containing (KlyngeOrganisation *organisation,
                           const char         *folded)
{
  const char * const *areas = klynge_organisation_get_focus_areas (organisation);
  const char * const *schemes = klynge_organisation_get_focus_area_schemes (organisation);

  for (guint i = 0; areas[i] != NULL; i++)
    if (_klynge_area_text_contains (schemes[i], areas[i], folded))
      return TRUE;
  return FALSE;
}

static gboolean
folded_contains (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = _klynge_area_fold (text);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
has_city_containing (KlyngeOrganisation *organisation,
                     const char         *folded)
{
  GPtrArray *locations = klynge_organisation_get_locations (organisation);

  for (guint i = 0; i < locations->len; i++)
    if (folded_contains (klynge_location_get_city (g_ptr_array_index (locations, i)), folded))
      return TRUE;
  return FALSE;
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
  if (filter->focus_area != NULL && !has_focus_area_containing (organisation, filter->focus_area_folded))
    return FALSE;
  if (filter->city != NULL && !has_city_containing (organisation, filter->city_folded))
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

/* --- checking the values ------------------------------------------------ */

/* Adds @text to @known unless it is there already, keeping the order. */
static void
add_known (GPtrArray  *known,
           GHashTable *seen,
           const char *text)
{
  if (g_hash_table_add (seen, (gpointer) text))
    g_ptr_array_add (known, (gpointer) text);
}

/* Checks a text condition against the values a landscape knows for it:
 * the value is known when one of @known (strings not owned) contains it,
 * compared as the filters compare. %NULL @value is no condition. The one
 * rule for every text condition of the filters. */
gboolean
_klynge_filter_check_value (const char  *value,
                            const char  *what,
                            GPtrArray   *known,
                            GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) distinct = NULL;
  g_autoptr(GString) list = NULL;
  g_autofree char *folded = NULL;

  if (value == NULL)
    return TRUE;
  folded = _klynge_area_fold (value);
  for (guint i = 0; i < known->len; i++)
    if (folded_contains (g_ptr_array_index (known, i), folded))
      return TRUE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  distinct = g_ptr_array_new ();
  for (guint i = 0; i < known->len; i++)
    add_known (distinct, seen, g_ptr_array_index (known, i));
  list = g_string_new (NULL);
  for (guint i = 0; i < distinct->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (distinct, i));
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_FILTER_VALUE,
               "No %s contains “%s”; the known ones are: %s", what, value,
               distinct->len > 0 ? list->str : "(none)");
  return FALSE;
}

static void
collect_focus_areas (GPtrArray *organisations,
                     GPtrArray *known)
{
  for (guint i = 0; i < organisations->len; i++)
    {
      const char * const *areas = klynge_organisation_get_focus_areas (g_ptr_array_index (organisations, i));

      for (guint j = 0; areas[j] != NULL; j++)
        g_ptr_array_add (known, (gpointer) areas[j]);
    }
  _klynge_area_add_labels (known);
}

static void
collect_cities (GPtrArray *organisations,
                GPtrArray *known)
{
  for (guint i = 0; i < organisations->len; i++)
    {
      GPtrArray *locations = klynge_organisation_get_locations (g_ptr_array_index (organisations, i));

      for (guint j = 0; j < locations->len; j++)
        g_ptr_array_add (known, (gpointer) klynge_location_get_city (g_ptr_array_index (locations, j)));
    }
}

/* One text condition: its value, what it is called in a message and
 * where its known values come from. */
static gboolean
check_condition (const char   *value,
                 const char   *what,
                 GPtrArray    *organisations,
                 void        (*collect) (GPtrArray *organisations, GPtrArray *known),
                 GError      **error)
{
  g_autoptr(GPtrArray) known = NULL;

  if (value == NULL)
    return TRUE;
  known = g_ptr_array_new ();
  collect (organisations, known);
  return _klynge_filter_check_value (value, what, known, error);
}

/* A code condition (region, municipality): known when it is one of
 * klynge's codes, exactly; one that no location states is still known,
 * and then matches nothing. */
static gboolean
check_code (const char           *value,
            const char           *what,
            gboolean            (*is_known) (const char *code),
            const char * const *(*list) (void),
            GError              **error)
{
  g_autofree char *codes = NULL;

  if (value == NULL || is_known (value))
    return TRUE;
  codes = g_strjoinv (", ", (char **) list ());
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_FILTER_VALUE,
               "“%s” is not a %s code; the codes are: %s", value, what, codes);
  return FALSE;
}

/**
 * klynge_filter_check:
 * @filter: a filter
 * @landscape: the landscape the filter is for
 * @error: return location for a #GError, or %NULL
 *
 * Checks that every text condition of @filter names something
 * @landscape knows, so that an empty listing means "none match" and never
 * "no such value": the focus area must be contained in a focus area of
 * one of the landscape's organisations or in a label of klynge's
 * vocabulary of areas (klynge_list_areas()), and the city in a city of
 * one of its locations, compared as the filter compares them; the region
 * and the municipality must be codes klynge knows (klynge_list_regions(),
 * klynge_list_municipalities()). A value that is known but that no
 * organisation matches with the other conditions passes.
 *
 * Fails with %KLYNGE_ERROR_UNKNOWN_FILTER_VALUE, whose message lists the
 * known values, for the first condition that names nothing known.
 *
 * Returns: %TRUE when every condition names something known
 */
gboolean
klynge_filter_check (KlyngeFilter     *filter,
                     KlyngeLandscape  *landscape,
                     GError          **error)
{
  g_autoptr(GPtrArray) organisations = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (landscape), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  organisations = klynge_landscape_list_organisations (landscape, NULL);
  /* one clause per text condition */
  return check_condition (filter->focus_area, "focus area", organisations, collect_focus_areas, error)
         && check_condition (filter->city, "city", organisations, collect_cities, error)
         && check_code (filter->region, "region", klynge_region_is_known, klynge_list_regions, error)
         && check_code (filter->municipality, "municipality", klynge_municipality_is_known,
                        klynge_list_municipalities, error);
}
