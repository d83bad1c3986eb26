/* klynge-designation-filter.c: which designations a listing returns, and
 * the programmes of an organisation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rule for "a designation is active on a date" lives here, with the
 * filter that applies it: a partial date is an interval of uncertainty,
 * so a designation is active only on the days it certainly covers.
 */
#include "config.h"

#include <string.h>

#include "klynge-landscape-private.h"

/**
 * SECTION:klynge-designation-filter
 * @title: Designations
 * @short_description: which organisations the programmes designated, when
 *
 * klynge_landscape_designations() answers "which were the national
 * clusters on 2021-06-01?": every designation of every programme, in the
 * landscape's order (programmes in order, and each programme's
 * designations in the order it lists them), kept or dropped by a
 * #KlyngeDesignationFilter. klynge_landscape_programmes_of() gives the
 * programmes that designated an organisation over its whole life.
 *
 * A designation is active on a day only when it certainly is: from the
 * last day its start stands for through the first day its end stands
 * for (see klynge_designation_is_active_on()).
 */

struct _KlyngeDesignationFilter
{
  gatomicrefcount ref_count;
  gboolean has_role;
  KlyngeDesignationRole role;
  char *programme;
  char *area;
  char *area_folded;            /* as _klynge_area_fold() gives it */
  char *organisation;
  KlyngeDate active_on;
};

G_DEFINE_BOXED_TYPE (KlyngeDesignationFilter, klynge_designation_filter,
                     klynge_designation_filter_ref, klynge_designation_filter_unref)

/**
 * klynge_designation_is_active_on:
 * @designation: a designation
 * @date: a set date
 *
 * Whether @designation is certainly in force on every day @date stands
 * for (one day for `2021-06-01`, all of June for `2021-06`).
 *
 * A partial start or end is an interval of uncertainty, not its first
 * day: a designation from `2021` to `2024` is known to be in force only
 * from 31 December 2021 (the last day its start may be) through
 * 1 January 2024 (the first day its end may be), so it is not active on
 * `2021-06-01`, while one from `2021-01-01` to `2024-12-31` is. A
 * designation without a start is never known to be active; one without
 * an end runs on with no end. An unset @date is a programmer error.
 *
 * Returns: %TRUE when @designation is certainly active throughout @date
 */
gboolean
klynge_designation_is_active_on (const KlyngeDesignation *designation,
                                 const KlyngeDate        *date)
{
  guint32 first, last;

  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), FALSE);

  return _klynge_designation_get_days (designation, &first, &last)
         && _klynge_days_cover_date (first, last, date);
}

/* The days @designation certainly covers, by the rule of
 * _klynge_date_span_certain_days(). */
gboolean
_klynge_designation_get_days (const KlyngeDesignation *designation,
                              guint32                 *first,
                              guint32                 *last)
{
  const KlyngeDate *start = klynge_designation_get_start (designation);
  const KlyngeDate *end = klynge_designation_get_end (designation);

  /* unlike an identifier's, a designation without a start never is */
  if (start == NULL || !klynge_date_is_set (start))
    return FALSE;
  return _klynge_date_span_certain_days (start, end, first, last);
}

/**
 * klynge_designation_filter_new:
 *
 * Creates a filter with no conditions: it matches every designation.
 *
 * Returns: (transfer full): a new filter
 */
KlyngeDesignationFilter *
klynge_designation_filter_new (void)
{
  KlyngeDesignationFilter *filter = g_new0 (KlyngeDesignationFilter, 1);

  g_atomic_ref_count_init (&filter->ref_count);
  return filter;
}

/**
 * klynge_designation_filter_ref:
 * @filter: a filter
 *
 * Returns: (transfer full): @filter
 */
KlyngeDesignationFilter *
klynge_designation_filter_ref (KlyngeDesignationFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  g_atomic_ref_count_inc (&filter->ref_count);
  return filter;
}

/**
 * klynge_designation_filter_unref:
 * @filter: (transfer full): a filter
 *
 * Drops a reference; frees the filter when it was the last.
 */
void
klynge_designation_filter_unref (KlyngeDesignationFilter *filter)
{
  g_return_if_fail (filter != NULL);
  if (!g_atomic_ref_count_dec (&filter->ref_count))
    return;
  g_free (filter->programme);
  g_free (filter->area);
  g_free (filter->area_folded);
  g_free (filter->organisation);
  g_free (filter);
}

/**
 * klynge_designation_filter_set_role:
 * @filter: a filter
 * @role: the role designations must have
 *
 * Keeps only designations as @role.
 */
void
klynge_designation_filter_set_role (KlyngeDesignationFilter *filter,
                                    KlyngeDesignationRole    role)
{
  g_return_if_fail (filter != NULL);
  filter->has_role = TRUE;
  filter->role = role;
}

/**
 * klynge_designation_filter_set_programme:
 * @filter: a filter
 * @programme: (nullable): the id of a programme; %NULL drops the condition
 *
 * Keeps only the designations of the programme @programme.
 */
void
klynge_designation_filter_set_programme (KlyngeDesignationFilter *filter,
                                         const char              *programme)
{
  g_return_if_fail (filter != NULL);
  _klynge_replace_string (&filter->programme, programme);
}

/**
 * klynge_designation_filter_set_area:
 * @filter: a filter
 * @area: (nullable): part of an area, in any case; %NULL drops the
 *   condition
 *
 * Keeps only designations for an area that contains @area, or that
 * names an area of klynge's vocabulary whose Danish or English label
 * contains it, compared as klynge_filter_set_focus_area() compares: so
 * `energy` keeps a designation for `Energiteknologi`.
 * klynge_designation_filter_check() tells a value that names nothing
 * known from one that matches no designation.
 */
void
klynge_designation_filter_set_area (KlyngeDesignationFilter *filter,
                                    const char              *area)
{
  g_return_if_fail (filter != NULL);
  /* text that is not UTF-8 would fold to "", which every area contains */
  g_return_if_fail (area == NULL || g_utf8_validate (area, -1, NULL));
  if (_klynge_replace_string (&filter->area, area))
    {
      g_free (filter->area_folded);
      filter->area_folded = area != NULL ? _klynge_area_fold (area) : NULL;
    }
}

/**
 * klynge_designation_filter_set_organisation:
 * @filter: a filter
 * @organisation: (nullable): the id of an organisation; %NULL drops the
 *   condition
 *
 * Keeps only designations of @organisation.
 */
void
klynge_designation_filter_set_organisation (KlyngeDesignationFilter *filter,
                                            const char              *organisation)
{
  g_return_if_fail (filter != NULL);
  _klynge_replace_string (&filter->organisation, organisation);
}

/**
 * klynge_designation_filter_set_active_on:
 * @filter: a filter
 * @date: (nullable): a date; %NULL drops the condition
 *
 * Keeps only designations certainly active on @date (see
 * klynge_designation_is_active_on()).
 */
void
klynge_designation_filter_set_active_on (KlyngeDesignationFilter *filter,
                                         const KlyngeDate        *date)
{
  g_return_if_fail (filter != NULL);
  if (date != NULL)
    filter->active_on = *date;
  else
    memset (&filter->active_on, 0, sizeof filter->active_on);
}

/**
 * klynge_designation_filter_matches:
 * @filter: (nullable): a filter; %NULL matches everything
 * @designation: a designation
 *
 * Returns: whether @designation meets every condition of @filter
 */
gboolean
klynge_designation_filter_matches (KlyngeDesignationFilter *filter,
                                   const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, FALSE);

  if (filter == NULL)
    return TRUE;
  if (filter->has_role && klynge_designation_get_role (designation) != filter->role)
    return FALSE;
  if (filter->programme != NULL &&
      g_strcmp0 (klynge_designation_get_programme (designation), filter->programme) != 0)
    return FALSE;
  if (filter->area != NULL
      && (klynge_designation_get_area (designation) == NULL
          || !_klynge_area_text_contains (klynge_designation_get_area_scheme (designation),
                                          klynge_designation_get_area (designation),
                                          filter->area_folded)))
    return FALSE;
  if (filter->organisation != NULL &&
      g_strcmp0 (klynge_designation_get_organisation (designation), filter->organisation) != 0)
    return FALSE;
  if (klynge_date_is_set (&filter->active_on) &&
      !klynge_designation_is_active_on (designation, &filter->active_on))
    return FALSE;
  return TRUE;
}

/**
 * klynge_designation_filter_check:
 * @filter: a filter
 * @landscape: the landscape the filter is for
 * @error: return location for a #GError, or %NULL
 *
 * Checks that the filter's area names something @landscape knows: it
 * must be contained in the area of one of the landscape's designations
 * or in a label of klynge's vocabulary of areas, as the filter compares.
 *
 * Fails with %KLYNGE_ERROR_UNKNOWN_FILTER_VALUE, whose message lists the
 * known areas, when it does not.
 *
 * Returns: %TRUE when the area is known or the filter has none
 */
gboolean
klynge_designation_filter_check (KlyngeDesignationFilter  *filter,
                                 KlyngeLandscape          *landscape,
                                 GError                  **error)
{
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) known = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (landscape), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (filter->area == NULL)
    return TRUE;
  designations = klynge_landscape_designations (landscape, NULL);
  known = g_ptr_array_new ();
  for (guint i = 0; i < designations->len; i++)
    {
      const char *area = klynge_designation_get_area (g_ptr_array_index (designations, i));

      if (area != NULL)
        g_ptr_array_add (known, (gpointer) area);
    }
  _klynge_area_add_labels (known);
  return _klynge_filter_check_value (filter->area, "area", known, error);
}

/**
 * klynge_landscape_designations:
 * @self: a landscape
 * @filter: (nullable): which designations to keep; %NULL keeps all
 *
 * The designations of every programme that @filter matches, in the
 * landscape's order: programmes in the order the landscape lists them,
 * and within each programme its designations in the order it holds them.
 * So with a filter active on `2021-06-01` and the role
 * %KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER, a landscape whose programme
 * designated the 14 national clusters answers with those 14, in the
 * order the programme lists them.
 *
 * Returns: (transfer container) (element-type KlyngeDesignation): the
 *   designations; the array holds a reference on each
 */
GPtrArray *
klynge_landscape_designations (KlyngeLandscape         *self,
                               KlyngeDesignationFilter *filter)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_designation_unref);
  for (guint i = 0; i < self->programmes->len; i++)
    {
      GPtrArray *designations = klynge_programme_get_designations (g_ptr_array_index (self->programmes, i));

      for (guint j = 0; j < designations->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (designations, j);

          if (klynge_designation_filter_matches (filter, designation))
            g_ptr_array_add (out, klynge_designation_ref (designation));
        }
    }
  return out;
}

/**
 * klynge_landscape_programmes_of:
 * @self: a landscape
 * @organisation: the id of an organisation
 *
 * The programmes that designated @organisation at any time, as anything,
 * each once, in the landscape's order of programmes. Contracts that name
 * a programme do not count: a programme that funds a body without
 * designating it is not one of its programmes. To see when and as what,
 * ask klynge_landscape_designations() with
 * klynge_designation_filter_set_organisation().
 *
 * Returns: (transfer container) (element-type KlyngeProgramme): the
 *   programmes, empty when none designated @organisation (or it is no
 *   organisation); the array holds a reference on each
 */
GPtrArray *
klynge_landscape_programmes_of (KlyngeLandscape *self,
                                const char      *organisation)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);
      GPtrArray *designations = klynge_programme_get_designations (programme);

      for (guint j = 0; j < designations->len; j++)
        if (g_strcmp0 (klynge_designation_get_organisation (g_ptr_array_index (designations, j)),
                       organisation) == 0)
          {
            g_ptr_array_add (out, g_object_ref (programme));
            break;
          }
    }
  return out;
}
