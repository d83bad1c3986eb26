/* klynge-consolidation.c: applying mergers, lineage, member overlap
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-landscape-private.h"
#include "klynge-validate-private.h"

/**
 * SECTION:klynge-consolidation
 * @title: Consolidation
 * @short_description: checking and applying mergers, lineage, member
 *   overlap and the landscape as of a date
 *
 * A #KlyngeMerger records a consolidation: two or more predecessors form a
 * new successor (`merger`), or one or more fold into an existing one
 * (`absorption`). Format version 2 adds two events that are not
 * consolidations: in a `transfer` part of the predecessors' activity
 * moves to an existing successor and the predecessors live on; in a
 * `rename` one body goes on under a new record, its successor. A rename
 * ends its predecessor's record as a merger does
 * (klynge_merger_kind_ends_predecessors()); a transfer ends nothing. A
 * `cancelled` merger changes nothing: it cannot be applied, and status
 * on a date, lineage, views and validation pass over it. A landscape loaded from a file records history, so its
 * `completed` mergers are already reflected in the records; a `proposed`
 * or `agreed` merger is carried out with klynge_landscape_apply_merger(),
 * after klynge_landscape_check_merger() has listed whatever stands in its
 * way.
 *
 * The completed mergers of a landscape, taken in the order they took
 * effect (effective date, then landscape order), must make a possible
 * history; klynge_landscape_validate() reports each one that does not,
 * with the code klynge_landscape_check_merger_of() would give it if it
 * were still to be applied: %KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE for
 * a predecessor that an earlier merger already dissolved (so no body
 * goes completely into two successors),
 * %KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE for a successor that an earlier
 * merger already dissolved, and %KLYNGE_ERROR_MERGER_CYCLE for a
 * predecessor that descends from the successor. A file with such a
 * history still loads (each record in it is well formed), and lineage,
 * views and the DOT export of it end: each follows an organisation once.
 *
 * Dates: in applying a merger a partial date (`2021`, `2021-01`) stands
 * for its first day. Status on a date does not: there a partial or
 * missing date is an interval of uncertainty (klynge_landscape_get_status()).
 * A merger that takes effect on day
 * E dissolves its predecessors on day E − 1, their last day.
 *
 * Lineage (klynge_landscape_list_ancestors(),
 * klynge_landscape_list_descendants(), klynge_landscape_lineage_to_dot())
 * follows `completed` mergers of every kind, each link saying its kind
 * (klynge_lineage_link_get_kind()); proposed and agreed ones have not
 * happened yet, cancelled ones never will. klynge_landscape_resolve_on()
 * follows the events that end their predecessors: a transfer's giver is
 * still itself.
 */

static inline guint32
first_day (const KlyngeDate *date)
{
  return klynge_date_get_first_day (date);
}

static const char *
org_id (KlyngeOrgEntry *entry)
{
  return klynge_record_get_id (KLYNGE_RECORD (entry->organisation));
}

static KlyngeOrgEntry *
org_at (KlyngeLandscape *self,
        guint            index)
{
  return g_ptr_array_index (self->organisations, index);
}

static char *
day_string (guint32 day)
{
  KlyngeDate date;

  klynge_date_init_from_day (&date, day);
  return klynge_date_to_string (&date);
}

/* The first completed merger, in landscape order, that names @id as a
 * predecessor and ends it (a transfer does not); NULL when there is
 * none. */
static KlyngeMerger *
completed_merger_of_predecessor (KlyngeLandscape *self,
                                 const char      *id)
{
  for (guint i = 0; i < self->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);

      if (_klynge_merger_ends_predecessors (merger)
          && klynge_merger_has_predecessor (merger, id))
        return merger;
    }
  return NULL;
}

/* Adds to @set (borrowed strings) every organisation that @id leads to
 * through completed mergers that end their predecessors, @id excluded:
 * giving part of an activity back and forth makes no cycle. */
static void
collect_descendant_set (KlyngeLandscape *self,
                        const char      *id,
                        GHashTable      *set)
{
  GPtrArray *queue = g_ptr_array_new ();

  g_ptr_array_add (queue, (gpointer) id);
  for (guint q = 0; q < queue->len; q++)
    {
      const char *current = g_ptr_array_index (queue, q);

      for (guint i = 0; i < self->mergers->len; i++)
        {
          KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
          const char *successor = klynge_merger_get_successor (merger);

          if (!_klynge_merger_ends_predecessors (merger)
              || !klynge_merger_has_predecessor (merger, current)
              || successor == NULL || g_hash_table_contains (set, successor)
              || g_strcmp0 (successor, id) == 0)
            continue;
          g_hash_table_add (set, (gpointer) successor);
          g_ptr_array_add (queue, (gpointer) successor);
        }
    }
  g_ptr_array_unref (queue);
}

/* --- checking ------------------------------------------------------------ */

static void add_problem (GPtrArray  *problems,
                         int         code,
                         const char *record_id,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (GPtrArray  *problems,
             int         code,
             const char *record_id,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, _klynge_problem_new_valist (code, NULL, 0, record_id, format, args));
  va_end (args);
}

static KlyngeOrganisation *
resolve_organisation (KlyngeLandscape *self,
                      const char      *id,
                      const char      *role,
                      GPtrArray       *problems)
{
  KlyngeError code;

  if (_klynge_landscape_resolve (self, id, KLYNGE_TYPE_ORGANISATION, &code))
    return KLYNGE_ORGANISATION (klynge_landscape_lookup (self, id));
  add_problem (problems, code, id,
               code == KLYNGE_ERROR_UNRESOLVED_REFERENCE
               ? "the %s “%s” names no record"
               : "the %s “%s” is not an organisation", role, id);
  return NULL;
}

static void
check_predecessor (KlyngeLandscape  *self,
                   const char       *id,
                   KlyngeOrganisation *organisation,
                   KlyngeMergerKind  kind,
                   guint32           effective_day,
                   GHashTable       *successor_descendants,
                   GPtrArray        *problems)
{
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  const KlyngeDate *known_until = klynge_organisation_get_known_until (organisation);
  KlyngeMerger *earlier = completed_merger_of_predecessor (self, id);
  g_autofree char *effective = day_string (effective_day);

  if (klynge_date_is_set (founded) && first_day (founded) > effective_day)
    {
      g_autofree char *f = klynge_date_to_string (founded);
      add_problem (problems, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE, id,
                   "the predecessor “%s” is not yet founded on %s (founded %s)",
                   id, effective, f);
    }
  /* a transfer's giver lives on, so it may give on its first day */
  else if (klynge_date_is_set (founded) && first_day (founded) == effective_day
           && klynge_merger_kind_ends_predecessors (kind))
    add_problem (problems, KLYNGE_ERROR_MERGER_DATE_ORDER, id,
                 "the predecessor “%s” is founded on the effective date %s, so it "
                 "would be dissolved the day before it was founded", id, effective);

  if (earlier != NULL)
    add_problem (problems, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE, id,
                 "the predecessor “%s” is already a predecessor of the completed merger “%s” into “%s”",
                 id, klynge_record_get_id (KLYNGE_RECORD (earlier)),
                 klynge_merger_get_successor (earlier));
  else if (klynge_date_is_set (dissolved) && first_day (dissolved) < effective_day)
    {
      g_autofree char *d = klynge_date_to_string (dissolved);
      add_problem (problems, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE, id,
                   "the predecessor “%s” is already dissolved (%s) before the effective date %s",
                   id, d, effective);
    }
  /* its last day becomes the day before the effective date, which may
   * not come before the last day the sources show it active, whatever
   * its recorded dissolution (check_life() in klynge-organisation.c) */
  else if (klynge_merger_kind_ends_predecessors (kind)
           && klynge_date_is_set (known_until) && first_day (known_until) >= effective_day)
    {
      g_autofree char *k = klynge_date_to_string (known_until);
      add_problem (problems, KLYNGE_ERROR_MERGER_DATE_ORDER, id,
                   "the predecessor “%s” is known active until %s, not before the effective date %s",
                   id, k, effective);
    }

  /* a completed merger that created this predecessor must come first */
  for (guint i = 0; i < self->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);

      if (_klynge_merger_ends_predecessors (merger)
          && g_strcmp0 (klynge_merger_get_successor (merger), id) == 0
          && first_day (klynge_merger_get_effective (merger)) >= effective_day)
        {
          g_autofree char *e = klynge_date_to_string (klynge_merger_get_effective (merger));
          add_problem (problems, KLYNGE_ERROR_MERGER_DATE_ORDER, id,
                       "the predecessor “%s” was created by “%s” on %s, not before the effective date %s",
                       id, klynge_record_get_id (KLYNGE_RECORD (merger)), e, effective);
        }
    }

  if (successor_descendants != NULL && g_hash_table_contains (successor_descendants, id))
    add_problem (problems, KLYNGE_ERROR_MERGER_CYCLE, id,
                 "the predecessor “%s” descends from the successor through completed mergers",
                 id);
}

static void
check_successor (KlyngeLandscape    *self,
                 const char         *id,
                 KlyngeOrganisation *organisation,
                 KlyngeMergerKind    kind,
                 guint32             effective_day,
                 GPtrArray          *problems)
{
  const KlyngeDate *founded = klynge_organisation_get_founded (organisation);
  const KlyngeDate *dissolved = klynge_organisation_get_dissolved (organisation);
  const KlyngeDate *known_until = klynge_organisation_get_known_until (organisation);
  g_autofree char *effective = day_string (effective_day);

  if (klynge_merger_kind_forms_successor (kind) && klynge_date_is_set (founded)
      && first_day (founded) != effective_day)
    {
      g_autofree char *f = klynge_date_to_string (founded);
      add_problem (problems, KLYNGE_ERROR_MERGER_DATE_ORDER, id,
                   "the successor “%s” of a %s is founded on %s, not on the effective date %s",
                   id, _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind), f, effective);
    }
  /* applying it would found the successor on the effective date */
  else if (klynge_merger_kind_forms_successor (kind) && klynge_date_is_set (known_until)
           && first_day (known_until) < effective_day)
    {
      g_autofree char *k = klynge_date_to_string (known_until);
      add_problem (problems, KLYNGE_ERROR_MERGER_DATE_ORDER, id,
                   "the successor “%s” of a %s is known active until %s, before the effective date %s",
                   id, _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind), k, effective);
    }
  else if (!klynge_merger_kind_forms_successor (kind) && klynge_date_is_set (founded)
           && first_day (founded) > effective_day)
    {
      g_autofree char *f = klynge_date_to_string (founded);
      add_problem (problems, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE, id,
                   "the successor “%s” is not yet founded on the effective date %s (founded %s)",
                   id, effective, f);
    }
  if (klynge_date_is_set (dissolved) && first_day (dissolved) < effective_day)
    {
      g_autofree char *d = klynge_date_to_string (dissolved);
      add_problem (problems, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE, id,
                   "the successor “%s” is dissolved (%s) before the effective date %s",
                   id, d, effective);
    }
}

/**
 * klynge_landscape_check_merger_of:
 * @self: a landscape
 * @kind: the kind of merger
 * @successor: (nullable): the successor's id; %NULL for a merger or a
 *   rename into a new organisation that is not in the landscape yet
 * @predecessors: (array zero-terminated=1): the predecessors' ids
 * @effective: the date the merger takes effect
 *
 * Checks a merger that has no record (yet): whether it could be applied
 * to @self. Every problem is listed, each with its own code:
 *
 * - %KLYNGE_ERROR_BAD_DATE: @effective is not set (nothing else is then
 *   checked);
 * - %KLYNGE_ERROR_TOO_FEW_PARTIES: fewer predecessors than
 *   klynge_merger_kind_min_predecessors() of @kind;
 * - %KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS: more than
 *   klynge_merger_kind_max_predecessors() of @kind (a rename has one);
 * - %KLYNGE_ERROR_MISSING_ATTRIBUTE: an absorption or a transfer without a
 *   successor;
 * - %KLYNGE_ERROR_UNRESOLVED_REFERENCE, %KLYNGE_ERROR_WRONG_REFERENCE_KIND:
 *   a predecessor or the successor is not an organisation of @self;
 * - %KLYNGE_ERROR_DUPLICATE_ID: a predecessor is named twice;
 * - %KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR: the successor is among
 *   the predecessors;
 * - %KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE: a predecessor is founded
 *   after the effective date, has a dissolution date before it, or is
 *   already the predecessor of a completed merger that ended it; it must
 *   be active on the day before the effective date, which becomes its
 *   last (a transfer's giver: on the effective date, since it lives on);
 * - %KLYNGE_ERROR_MERGER_DATE_ORDER: a predecessor that the merger ends is
 *   founded on the effective date itself or known active until (see
 *   klynge_organisation_get_known_until()) the effective date or later,
 *   the successor of a merger or a rename is known active until a date
 *   before the effective date, a completed merger created a
 *   predecessor on or after the effective date, or the successor of a
 *   merger or a rename (a new record,
 *   klynge_merger_kind_forms_successor()) has a founding date other than
 *   the effective date;
 * - %KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE: the successor is dissolved
 *   before the effective date, or an absorption's or a transfer's
 *   successor is founded after it;
 * - %KLYNGE_ERROR_MERGER_CYCLE: a predecessor that the merger ends
 *   descends, through completed mergers that ended their predecessors,
 *   from the successor.
 *
 * Partial dates stand for their first day.
 *
 * Returns: (transfer container) (element-type KlyngeProblem): the problems
 *   in the order above, predecessor by predecessor; empty when the merger
 *   can be applied. The array frees its elements.
 */
GPtrArray *
klynge_landscape_check_merger_of (KlyngeLandscape    *self,
                                  KlyngeMergerKind    kind,
                                  const char         *successor,
                                  const char * const *predecessors,
                                  const KlyngeDate   *effective)
{
  GPtrArray *problems;
  KlyngeOrganisation *successor_org = NULL;
  g_autoptr(GHashTable) descendants = NULL;
  guint n = 0, needed, most;
  guint32 effective_day;
  const char *kind_name;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, NULL);
  g_return_val_if_fail (effective != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
  if (!klynge_date_is_set (effective) || !klynge_date_is_valid (effective))
    {
      add_problem (problems, KLYNGE_ERROR_BAD_DATE, successor,
                   "the merger has no valid effective date");
      return problems;
    }
  effective_day = first_day (effective);

  if (predecessors != NULL)
    n = g_strv_length ((char **) predecessors);
  kind_name = _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, kind);
  needed = klynge_merger_kind_min_predecessors (kind);
  most = klynge_merger_kind_max_predecessors (kind);
  if (n < needed)
    add_problem (problems, KLYNGE_ERROR_TOO_FEW_PARTIES, successor,
                 "%u predecessor%s; a %s needs at least %u", n, n == 1 ? "" : "s",
                 kind_name, needed);
  else if (n > most)
    add_problem (problems, KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS, successor,
                 "%u predecessors; a %s has at most %u", n, kind_name, most);

  if (successor == NULL)
    {
      if (!klynge_merger_kind_forms_successor (kind))
        add_problem (problems, KLYNGE_ERROR_MISSING_ATTRIBUTE, NULL,
                     "a %s needs an existing successor", kind_name);
    }
  else
    {
      successor_org = resolve_organisation (self, successor, "successor", problems);
      if (successor_org != NULL)
        {
          descendants = g_hash_table_new (g_str_hash, g_str_equal);
          collect_descendant_set (self, successor, descendants);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const char *id = predecessors[i];
      KlyngeOrganisation *organisation;
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = strcmp (predecessors[j], id) == 0;
      if (repeated)
        {
          add_problem (problems, KLYNGE_ERROR_DUPLICATE_ID, id,
                       "the predecessor “%s” is named twice", id);
          continue;
        }
      if (g_strcmp0 (id, successor) == 0)
        {
          add_problem (problems, KLYNGE_ERROR_MERGER_SUCCESSOR_IS_PREDECESSOR, id,
                       "the successor “%s” is also named as a predecessor", id);
          continue;
        }
      organisation = resolve_organisation (self, id, "predecessor", problems);
      if (organisation != NULL)
        check_predecessor (self, id, organisation, kind, effective_day,
                           klynge_merger_kind_ends_predecessors (kind) ? descendants : NULL,
                           problems);
    }

  if (successor_org != NULL)
    check_successor (self, successor, successor_org, kind, effective_day, problems);

  return problems;
}

/**
 * klynge_landscape_check_merger:
 * @self: a landscape
 * @merger: a merger, in @self or not yet added to it
 *
 * Lists every problem that stands in the way of applying @merger with
 * klynge_landscape_apply_merger(): %KLYNGE_ERROR_MERGER_ALREADY_COMPLETED
 * when its status is `completed`, %KLYNGE_ERROR_MERGER_CANCELLED when it
 * is `cancelled` (a cancelled event changes nothing), %KLYNGE_ERROR_DUPLICATE_ID when it is
 * not in @self and another record has its id, and then everything
 * klynge_landscape_check_merger_of() finds for its kind, successor,
 * predecessors and effective date.
 *
 * Returns: (transfer container) (element-type KlyngeProblem): the problems,
 *   empty when @merger can be applied. The array frees its elements.
 */
GPtrArray *
klynge_landscape_check_merger (KlyngeLandscape *self,
                               KlyngeMerger    *merger)
{
  GPtrArray *problems, *rest;
  const char *id;
  KlyngeRecord *existing;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (KLYNGE_IS_MERGER (merger), NULL);

  id = klynge_record_get_id (KLYNGE_RECORD (merger));
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
  existing = _klynge_landscape_lookup_id (self, id);
  if (existing != NULL && existing != KLYNGE_RECORD (merger))
    add_problem (problems, KLYNGE_ERROR_DUPLICATE_ID, id,
                 "the id “%s” of the merger is already used in the landscape", id);
  if (klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_COMPLETED)
    add_problem (problems, KLYNGE_ERROR_MERGER_ALREADY_COMPLETED, id,
                 "the merger “%s” is already completed", id);
  else if (klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_CANCELLED)
    add_problem (problems, KLYNGE_ERROR_MERGER_CANCELLED, id,
                 "the merger “%s” is cancelled", id);

  rest = klynge_landscape_check_merger_of (self, klynge_merger_get_kind (merger),
                                           klynge_merger_get_successor (merger),
                                           klynge_merger_get_predecessors (merger),
                                           klynge_merger_get_effective (merger));
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (problems, klynge_problem_ref (g_ptr_array_index (rest, i)));
  g_ptr_array_unref (rest);
  return problems;
}

/* --- applying -------------------------------------------------------------- */

#define SECRETARIAT "secretariat"

static gboolean
has_secretariat (KlyngeOrganisation *organisation)
{
  GPtrArray *locations = klynge_organisation_get_locations (organisation);

  for (guint i = 0; i < locations->len; i++)
    if (g_strcmp0 (klynge_location_get_role (g_ptr_array_index (locations, i)), SECRETARIAT) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @organisation already has a location at @location's place: the
 * same city and address, where a location without an address stands for
 * any place in its city. */
static gboolean
has_place (KlyngeOrganisation *organisation,
           KlyngeLocation     *location)
{
  GPtrArray *locations = klynge_organisation_get_locations (organisation);
  const char *address = klynge_location_get_address (location);

  for (guint i = 0; i < locations->len; i++)
    {
      KlyngeLocation *l = g_ptr_array_index (locations, i);
      const char *a = klynge_location_get_address (l);

      if (g_strcmp0 (klynge_location_get_city (l), klynge_location_get_city (location)) == 0
          && (a == NULL || address == NULL || strcmp (a, address) == 0))
        return TRUE;
    }
  return FALSE;
}

/* Gives @successor a predecessor's @location unless it is already there
 * (has_place()). The successor keeps one secretariat: its own, or when it
 * has none the first one a predecessor brings; another predecessor's
 * secretariat stays on as an office. */
static void
merge_location (KlyngeOrganisation *successor,
                KlyngeLocation     *location)
{
  g_autoptr(KlyngeLocation) office = NULL;

  if (has_place (successor, location))
    return;
  if (g_strcmp0 (klynge_location_get_role (location), SECRETARIAT) == 0
      && has_secretariat (successor))
    {
      office = klynge_location_new_full (klynge_location_get_city (location),
                                         klynge_location_get_address (location), "office",
                                         klynge_location_get_region (location),
                                         klynge_location_get_municipality (location), NULL);
      g_warn_if_fail (office != NULL);
      location = office;
    }
  if (location != NULL)
    klynge_organisation_add_location (successor, location);
}

/* Whether @organisation has @area as a focus area, whatever the case and
 * Unicode normalisation, folded as the filters fold it: focus areas merge
 * as a set, and "Energy" and "energy" are one area. */
static gboolean
has_focus_area_folded (KlyngeOrganisation *organisation,
                       const char         *area)
{
  const char * const *areas = klynge_organisation_get_focus_areas (organisation);
  g_autofree char *folded = _klynge_area_fold (area);

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      g_autofree char *other = _klynge_area_fold (areas[i]);

      if (strcmp (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* What a predecessor has that runs past @life's dissolution (by the one
 * rule of _klynge_lifetime_check()) belongs to the successor from then
 * on, so that applying a merger makes no lifetime finding. */
static gboolean
runs_past (const KlyngeLifespan *life,
           const KlyngeDate     *since,
           const KlyngeDate     *until)
{
  return (_klynge_lifetime_check (life, since, until) & KLYNGE_LIFETIME_AFTER_DISSOLUTION) != 0;
}

/* A predecessor's labels: one awarded after its dissolution goes to the
 * successor; one valid past it ends on it, as the predecessor's
 * memberships do. */
static void
end_labels (KlyngeOrganisation   *predecessor,
            KlyngeOrganisation   *successor,
            const KlyngeLifespan *life,
            const KlyngeDate     *dissolved)
{
  GPtrArray *current = klynge_organisation_get_labels (predecessor);
  g_autoptr(GPtrArray) labels = NULL;
  guint i;

  for (i = 0; i < current->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (current, i);

      if (runs_past (life, klynge_label_get_awarded (label), klynge_label_get_valid_until (label)))
        break;
    }
  if (i == current->len)
    return;
  /* clearing drops the organisation's references: keep ours */
  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_label_unref);
  for (i = 0; i < current->len; i++)
    g_ptr_array_add (labels, klynge_label_ref (g_ptr_array_index (current, i)));
  klynge_organisation_clear_labels (predecessor);
  for (i = 0; i < labels->len; i++)
    {
      KlyngeLabel *label = g_ptr_array_index (labels, i);
      const KlyngeDate *awarded = klynge_label_get_awarded (label);
      g_autoptr(KlyngeLabel) ended = NULL;

      if (!runs_past (life, awarded, klynge_label_get_valid_until (label)))
        klynge_organisation_add_label (predecessor, label);
      else if (runs_past (life, awarded, NULL))
        klynge_organisation_add_label (successor, label);
      else
        {
          ended = klynge_label_new (klynge_label_get_level (label), awarded, dissolved, NULL);
          g_warn_if_fail (ended != NULL);
          if (ended != NULL)
            klynge_organisation_add_label (predecessor, ended);
        }
    }
}

/* Initiatives: one a predecessor hosts that runs past its dissolution
 * moves to the successor, as contracts do; a predecessor named as a
 * participant of one that begins after its dissolution is replaced by
 * the successor (once). */
static void
move_initiatives (KlyngeLandscape      *self,
                  const char * const   *predecessors,
                  const char           *successor,
                  const KlyngeLifespan *life)
{
  for (guint i = 0; i < self->initiatives->len; i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (self->initiatives, i);
      const KlyngeDate *start = klynge_initiative_get_start (initiative);
      const char *host = klynge_initiative_get_host (initiative);

      if (host != NULL && g_strv_contains (predecessors, host)
          && runs_past (life, start, klynge_initiative_get_end (initiative)))
        g_warn_if_fail (klynge_initiative_set_host (initiative, successor, NULL));

      if (!runs_past (life, start, NULL))
        continue;
      for (guint j = 0; predecessors[j] != NULL; j++)
        _klynge_initiative_replace_participant (initiative, predecessors[j], successor);
    }
}

/* Whether @programme already designates the organisation of @designation
 * as the same, for the same area and dates. */
static gboolean
has_designation (KlyngeProgramme   *programme,
                 KlyngeDesignation *designation)
{
  GPtrArray *designations = klynge_programme_get_designations (programme);

  for (guint i = 0; i < designations->len; i++)
    {
      KlyngeDesignation *d = g_ptr_array_index (designations, i);

      if (g_strcmp0 (klynge_designation_get_organisation (d), klynge_designation_get_organisation (designation)) == 0
          && klynge_designation_get_role (d) == klynge_designation_get_role (designation)
          && g_strcmp0 (klynge_designation_get_area (d), klynge_designation_get_area (designation)) == 0
          && klynge_date_equal (klynge_designation_get_start (d), klynge_designation_get_start (designation))
          && klynge_date_equal (klynge_designation_get_end (d), klynge_designation_get_end (designation)))
        return TRUE;
    }
  return FALSE;
}

/* Designations: one of a predecessor that runs past its dissolution goes
 * to the successor, whole, as contracts do (the programme's designation
 * passes to the merged body). Designations are values, so the
 * programme's list is rebuilt with a new one in its place. */
static void
move_designations (KlyngeLandscape      *self,
                   const char * const   *predecessors,
                   const char           *successor,
                   const KlyngeLifespan *life)
{
  for (guint i = 0; i < self->programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (self->programmes, i);
      GPtrArray *current = klynge_programme_get_designations (programme);
      g_autoptr(GPtrArray) designations = NULL;
      guint j;

      for (j = 0; j < current->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (current, j);

          if (g_strv_contains (predecessors, klynge_designation_get_organisation (designation))
              && runs_past (life, klynge_designation_get_start (designation),
                            klynge_designation_get_end (designation)))
            break;
        }
      if (j == current->len)
        continue;
      /* clearing drops the programme's references: keep ours */
      designations = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_designation_unref);
      for (j = 0; j < current->len; j++)
        g_ptr_array_add (designations, klynge_designation_ref (g_ptr_array_index (current, j)));
      klynge_programme_clear_designations (programme);
      for (j = 0; j < designations->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (designations, j);
          const KlyngeDate *start = klynge_designation_get_start (designation);
          const KlyngeDate *end = klynge_designation_get_end (designation);
          g_autoptr(KlyngeDesignation) moved = NULL;

          if (g_strv_contains (predecessors, klynge_designation_get_organisation (designation))
              && runs_past (life, start, end))
            {
              moved = klynge_designation_new (successor, klynge_designation_get_role (designation),
                                              klynge_designation_get_area (designation), start, end, NULL);
              g_warn_if_fail (moved != NULL);
              if (moved == NULL)
                continue;
              _klynge_designation_set_line (moved, klynge_designation_get_line (designation));
              designation = moved;
              /* two predecessors designated alike make one successor */
              if (has_designation (programme, designation))
                continue;
            }
          g_warn_if_fail (klynge_programme_add_designation (programme, designation, NULL));
        }
    }
}

/* What applying @merger, checked, does when it ends its predecessors (a
 * merger, an absorption or a rename): see klynge_landscape_apply_merger(). */
static void
end_predecessors (KlyngeLandscape *self,
                  KlyngeMerger    *merger)
{
  g_autoptr(GPtrArray) predecessors = NULL;
  const char * const *ids;
  KlyngeOrgEntry *successor;
  KlyngeOrganisation *successor_org;
  const KlyngeDate *effective;
  const char *successor_id;
  KlyngeDate dissolved;
  KlyngeLifespan life = { 0, };   /* the predecessors' from now on */
  guint32 effective_day;

  effective = klynge_merger_get_effective (merger);
  effective_day = first_day (effective);
  klynge_date_init_from_day (&dissolved, effective_day - 1);
  life.dissolved = effective_day - 1;
  successor_id = klynge_merger_get_successor (merger);
  successor = _klynge_landscape_get_org_entry (self, successor_id);
  successor_org = successor->organisation;
  ids = klynge_merger_get_predecessors (merger);

  predecessors = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (predecessors, _klynge_landscape_get_org_entry (self, ids[i]));

  if (klynge_merger_kind_forms_successor (klynge_merger_get_kind (merger))
      && !klynge_date_is_set (klynge_organisation_get_founded (successor_org)))
    g_warn_if_fail (klynge_organisation_set_founded (successor_org, effective, NULL));

  _klynge_membership_store_carry (&self->store, successor, predecessors, effective_day);

  for (guint p = 0; p < predecessors->len; p++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (predecessors, p);
      KlyngeOrganisation *organisation = entry->organisation;
      const char * const *areas = klynge_organisation_get_focus_areas (organisation);
      const char * const *schemes = klynge_organisation_get_focus_area_schemes (organisation);
      GPtrArray *locations = klynge_organisation_get_locations (organisation);

      g_warn_if_fail (klynge_organisation_set_dissolved (organisation, &dissolved, NULL));
      _klynge_membership_store_clip (&self->store, entry, &dissolved, KLYNGE_MEMBERSHIP_END_MERGED);
      end_labels (organisation, successor_org, &life, &dissolved);

      for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
        if (!has_focus_area_folded (successor_org, areas[i]))
          g_warn_if_fail (klynge_organisation_add_focus_area_in_scheme (successor_org, schemes[i],
                                                                        areas[i], NULL));
      for (guint i = 0; i < locations->len; i++)
        merge_location (successor_org, g_ptr_array_index (locations, i));
    }

  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);

      if (klynge_contract_moves_to_successor (contract, ids, effective))
        g_warn_if_fail (klynge_contract_set_holder (contract, successor_id, NULL));
    }

  move_initiatives (self, ids, successor_id, &life);
  move_designations (self, ids, successor_id, &life);
}

/**
 * klynge_landscape_apply_merger:
 * @self: a landscape
 * @merger: a `proposed` or `agreed` merger, in @self or not yet added
 * @error: return location for a #GError, or %NULL
 *
 * Carries out @merger, all or nothing. It first runs
 * klynge_landscape_check_merger(); if that finds any problem, the merger
 * is refused with the code of the first problem and a message that lists
 * them all, and @self is left exactly as it was. Otherwise, with E the
 * effective date (a partial date stands for its first day):
 *
 * - @merger is added to @self if it is not in it yet, and its status set
 *   to `completed`;
 * - the successor of a `merger` (a new organisation, which the caller adds
 *   to @self first) gets E as its founding date when it has none;
 * - a `transfer` ends there: its givers live on and keep everything, and
 *   since its record does not say which part of their activity moved,
 *   nothing else changes (klynge_merger_kind_ends_predecessors()). The
 *   rest is what a merger, an absorption and a rename do;
 * - the successor of a `rename` (the body's new record) is treated as
 *   that of a `merger`: its one predecessor's record ends and the
 *   successor carries everything of it as below;
 * - every predecessor is dissolved on E − 1 (a full date), its last day;
 * - memberships: every membership of a predecessor or of the successor
 *   that has no `until` or one on or after E is current. The successor
 *   ends up with one membership per member of the current ones: since the
 *   earliest of their `since` dates (an unknown `since` counts as the
 *   earliest), until the latest of their `until` dates (none when one of
 *   them has none). Memberships that ended before E are not carried over
 *   ("until is respected"); the successor's own ended memberships stay as
 *   they are, except that one a carried membership overlaps becomes one
 *   membership with it (the earlier since, the later until), so the
 *   member has no two memberships at once. Predecessors keep their
 *   memberships as history, clipped to end on E − 1; one that begins
 *   after E − 1 is removed from the predecessor, since it now belongs to
 *   the successor;
 * - contracts: those that klynge_contract_moves_to_successor() moves
 *   (held by a predecessor, ending on or after E) get the successor as
 *   their holder; contracts that ended before E stay with the predecessor
 *   as history;
 * - focus areas and locations: the successor keeps its own and gains the
 *   predecessors' in predecessor order, without duplicates. Focus areas
 *   merge as a set: one that differs from an area the successor has only
 *   in case is not added. A location is a duplicate when the successor
 *   has one in the same city at the same address (a location without an
 *   address stands for any place in its city), whatever the roles. The
 *   successor has one secretariat: its own, or when it has none the first
 *   a predecessor brings; any other predecessor's secretariat becomes an
 *   `office` at its city and address (unless that place is already
 *   there). ESCA labels
 *   are not carried over: they were awarded to the predecessor, and one
 *   valid after E − 1 ends on E − 1; only one awarded after E − 1 goes
 *   to the successor;
 * - initiatives: one hosted by a predecessor that runs after E − 1 gets
 *   the successor as its host (it moves whole, as contracts do); in one
 *   that begins after E − 1, the successor takes a predecessor's place
 *   among the participants (once; member participants stay as they are);
 * - designations: a programme's designation of a predecessor that runs
 *   after E − 1 becomes one of the successor, whole, as contracts move
 *   (once, when predecessors were designated alike).
 *
 * Whatever else refers to a predecessor (an initiative that ended, a
 * participation before E) keeps referring to it: it is history. So
 * applying a merger makes no lifetime finding of
 * klynge_landscape_validate(): "after" is decided by the same rule.
 *
 * Returns: %TRUE when applied
 */
gboolean
klynge_landscape_apply_merger (KlyngeLandscape  *self,
                               KlyngeMerger     *merger,
                               GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_MERGER (merger), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problems = klynge_landscape_check_merger (self, merger);
  if (problems->len > 0)
    {
      KlyngeProblem *first = g_ptr_array_index (problems, 0);
      GString *message = g_string_new (NULL);

      g_string_append_printf (message, "merger “%s” refused: ",
                              klynge_record_get_id (KLYNGE_RECORD (merger)));
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "%s%s", i > 0 ? "; " : "",
                                klynge_problem_get_message (g_ptr_array_index (problems, i)));
      g_set_error_literal (error, KLYNGE_ERROR, klynge_problem_get_code (first), message->str);
      g_string_free (message, TRUE);
      return FALSE;
    }

  /* From here on nothing can fail: every value was checked above. A
   * transfer only is recorded: its givers live on and keep everything. */
  if (klynge_merger_kind_ends_predecessors (klynge_merger_get_kind (merger)))
    end_predecessors (self, merger);
  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_COMPLETED);
  if (_klynge_landscape_lookup_id (self, klynge_record_get_id (KLYNGE_RECORD (merger))) == NULL)
    _klynge_landscape_add_record_unchecked (self, KLYNGE_RECORD (merger));
  return TRUE;
}

/* --- status on a date -------------------------------------------------- */

/* The first day on which the landscape shows the organisation active
 * (0: none): what its own record states (_klynge_organisation_first_stated_day())
 * and, each by its last day, the earliest since of its memberships, the
 * earliest start of the contracts it holds, of the initiatives it hosts
 * and of its designations, and the effective date of a completed merger
 * it is the successor of. Initiative participants are left out: a participant may have joined
 * long after the initiative began. Only asked for organisations with no
 * founding date, so the scan of the landscape's contracts, initiatives,
 * mergers and programmes is paid only for them. */
guint32
_klynge_landscape_first_stated_day (KlyngeLandscape *self,
                                    KlyngeOrgEntry  *entry)
{
  const char *id = org_id (entry);
  const KlyngeMembershipSlot *slots;
  guint32 first = _klynge_organisation_first_stated_day (entry->organisation);
  guint n_slots;

  slots = _klynge_membership_store_org_slots (entry, &n_slots);
  for (guint i = 0; i < n_slots; i++)
    {
      KlyngeDate since, until;

      _klynge_membership_slot_get_dates (&slots[i], &since, &until);
      _klynge_stated_day_add (&first, &since);
    }
  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);

      if (g_strcmp0 (klynge_contract_get_holder (contract), id) == 0)
        _klynge_stated_day_add (&first, &klynge_contract_get_period (contract)->start);
    }
  for (guint i = 0; i < self->initiatives->len; i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (self->initiatives, i);

      if (g_strcmp0 (klynge_initiative_get_host (initiative), id) == 0)
        _klynge_stated_day_add (&first, klynge_initiative_get_start (initiative));
    }
  for (guint i = 0; i < self->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);

      if (klynge_merger_get_status (merger) == KLYNGE_MERGER_STATUS_COMPLETED
          && g_strcmp0 (klynge_merger_get_successor (merger), id) == 0)
        _klynge_stated_day_add (&first, klynge_merger_get_effective (merger));
    }
  for (guint i = 0; i < self->programmes->len; i++)
    {
      GPtrArray *designations = klynge_programme_get_designations (g_ptr_array_index (self->programmes, i));

      for (guint j = 0; j < designations->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (designations, j);

          if (g_strcmp0 (klynge_designation_get_organisation (designation), id) == 0)
            _klynge_stated_day_add (&first, klynge_designation_get_start (designation));
        }
    }
  return first;
}

KlyngeOrganisationStatus
_klynge_landscape_status_of (KlyngeLandscape   *self,
                             KlyngeOrgEntry    *entry,
                             const KlyngeDate  *date,
                             const char       **merged_into)
{
  KlyngeOrganisation *organisation = entry->organisation;
  KlyngeOrganisationStatus status;
  guint32 stated = 0;

  if (merged_into != NULL)
    *merged_into = NULL;
  if (!klynge_date_is_set (klynge_organisation_get_founded (organisation)))
    stated = _klynge_landscape_first_stated_day (self, entry);
  status = _klynge_organisation_status_on (organisation, first_day (date), stated);
  if (status == KLYNGE_ORGANISATION_STATUS_DISSOLVED)
    {
      KlyngeMerger *merger = completed_merger_of_predecessor (self, org_id (entry));

      if (merger == NULL)
        return KLYNGE_ORGANISATION_STATUS_DISSOLVED;
      if (merged_into != NULL)
        *merged_into = klynge_merger_get_successor (merger);
      return KLYNGE_ORGANISATION_STATUS_MERGED;
    }
  return status;
}

/**
 * klynge_landscape_get_status:
 * @self: a landscape
 * @id: the id of an organisation of @self
 * @date: a set date; a partial @date stands for its first day
 * @merged_into: (out) (optional) (transfer none) (nullable): for
 *   %KLYNGE_ORGANISATION_STATUS_MERGED, the successor; %NULL otherwise
 *
 * The organisation's status on @date, derived from its founding and
 * dissolution dates (the dissolution date is the last active day) and the
 * completed mergers: an organisation dissolved before @date is
 * %KLYNGE_ORGANISATION_STATUS_MERGED when a completed merger that ends
 * its predecessors (a merger, an absorption or a rename, not a transfer:
 * klynge_merger_kind_ends_predecessors()) names it as a predecessor (the
 * first such, in landscape order), and
 * %KLYNGE_ORGANISATION_STATUS_DISSOLVED otherwise. A transfer's giver is
 * not merged; a cancelled merger counts for nothing.
 *
 * A partial or missing date is an interval of uncertainty, not its first
 * day, and the status is %KLYNGE_ORGANISATION_STATUS_NOT_KNOWN where the
 * records do not tell:
 * - founded `2014`: not yet founded before `2014-01-01`, not known on
 *   `2014-01-01` to `2014-12-30`, active from `2014-12-31` (the latest day
 *   it can have been founded; the founding day is an active one);
 * - dissolved `2021`: active on `2021-01-01`, not known on `2021-01-02`
 *   to `2021-12-31`, dissolved (or merged) from `2022-01-01`;
 * - no founding date: not known before the first day the landscape shows
 *   it active, and not known on any day before its dissolution when
 *   nothing does. That day is the earliest of: the last day of the
 *   earliest since of its memberships, start of a contract it holds,
 *   start of an initiative it hosts, start of a designation of it by a
 *   programme, award of one of its labels,
 *   effective date of a completed merger it is the successor of; and the
 *   first day of its dissolution date.
 *
 * For an organisation with no founding date this looks through the
 * landscape's contracts, initiatives, mergers and programmes.
 *
 * Returns: the status
 */
KlyngeOrganisationStatus
klynge_landscape_get_status (KlyngeLandscape   *self,
                             const char        *id,
                             const KlyngeDate  *date,
                             const char       **merged_into)
{
  KlyngeOrgEntry *entry;

  if (merged_into != NULL)
    *merged_into = NULL;
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);
  g_return_val_if_fail (id != NULL, KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);
  entry = _klynge_landscape_get_org_entry (self, id);
  g_return_val_if_fail (entry != NULL, KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED);

  return _klynge_landscape_status_of (self, entry, date, merged_into);
}

/**
 * klynge_landscape_resolve_on:
 * @self: a landscape
 * @id: an organisation's id
 * @date: a set date
 *
 * What @id was on @date: @id itself when it was active then; when it had
 * been dissolved by a completed merger, what its successor was on @date,
 * following the chain of successors as far as it goes. %NULL when @id is
 * not an organisation of @self, was not yet founded on @date, its status
 * on @date is not known, or the chain ends in an organisation that was dissolved without a successor
 * (MARLOG after 2022) or not yet founded on @date (a successor founded
 * later than its predecessors were dissolved, which partial dates can
 * cause). Statuses follow klynge_landscape_get_status().
 *
 * Returns: (transfer none) (nullable): the id of the organisation active
 *   on @date, owned by @self
 */
const char *
klynge_landscape_resolve_on (KlyngeLandscape  *self,
                             const char       *id,
                             const KlyngeDate *date)
{
  const char *current = id;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), NULL);

  /* a chain is at most as long as there are organisations */
  for (guint hops = 0; hops <= self->organisations->len; hops++)
    {
      KlyngeOrgEntry *entry = _klynge_landscape_get_org_entry (self, current);
      const char *next = NULL;

      if (entry == NULL)
        return NULL;
      switch (klynge_landscape_get_status (self, current, date, &next))
        {
        case KLYNGE_ORGANISATION_STATUS_ACTIVE:
          return org_id (entry);
        case KLYNGE_ORGANISATION_STATUS_MERGED:
          /* an impossible history (which validation reports) can lead
           * round; going round until the bound above cost a scan of the
           * mergers for every organisation of the landscape */
          if (seen == NULL)
            seen = g_hash_table_new (g_str_hash, g_str_equal);
          if (!g_hash_table_add (seen, (gpointer) current))
            return NULL;
          current = next;
          break;
        case KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED:
        case KLYNGE_ORGANISATION_STATUS_DISSOLVED:
        case KLYNGE_ORGANISATION_STATUS_NOT_KNOWN:
        default:
          return NULL;
        }
    }
  return NULL;
}

/* --- lineage ------------------------------------------------------------- */

struct _KlyngeLineageLink
{
  gint ref_count;
  char *organisation;
  char *via;
  char *merger;
  KlyngeMergerKind kind;
  KlyngeDate effective;
  guint depth;
};

G_DEFINE_BOXED_TYPE (KlyngeLineageLink, klynge_lineage_link,
                     klynge_lineage_link_ref, klynge_lineage_link_unref)

static KlyngeLineageLink *
lineage_link_new (const char       *organisation,
                  const char       *via,
                  KlyngeMerger     *merger,
                  guint             depth)
{
  KlyngeLineageLink *link = g_new0 (KlyngeLineageLink, 1);

  link->ref_count = 1;
  link->organisation = g_strdup (organisation);
  link->via = g_strdup (via);
  link->merger = g_strdup (klynge_record_get_id (KLYNGE_RECORD (merger)));
  link->kind = klynge_merger_get_kind (merger);
  link->effective = *klynge_merger_get_effective (merger);
  link->depth = depth;
  return link;
}

/**
 * klynge_lineage_link_ref:
 * @link: a lineage link
 *
 * Returns: (transfer full): @link, with one more reference
 */
KlyngeLineageLink *
klynge_lineage_link_ref (KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  g_atomic_int_inc (&link->ref_count);
  return link;
}

/**
 * klynge_lineage_link_unref:
 * @link: (transfer full): a lineage link
 *
 * Drops a reference, freeing @link with the last.
 */
void
klynge_lineage_link_unref (KlyngeLineageLink *link)
{
  g_return_if_fail (link != NULL);
  if (!g_atomic_int_dec_and_test (&link->ref_count))
    return;
  g_free (link->organisation);
  g_free (link->via);
  g_free (link->merger);
  g_free (link);
}

/**
 * klynge_lineage_link_get_organisation:
 * @link: a lineage link
 *
 * Returns: the ancestor or descendant this link leads to
 */
const char *
klynge_lineage_link_get_organisation (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->organisation;
}

/**
 * klynge_lineage_link_get_via:
 * @link: a lineage link
 *
 * The other side of the merger: for an ancestor, the successor it merged
 * into; for a descendant, the predecessor it was formed from. For a
 * direct link (depth 1) that is the organisation whose lineage was asked.
 *
 * Returns: an organisation's id
 */
const char *
klynge_lineage_link_get_via (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->via;
}

/**
 * klynge_lineage_link_get_merger:
 * @link: a lineage link
 *
 * Returns: the id of the completed merger of this step
 */
const char *
klynge_lineage_link_get_merger (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->merger;
}

/**
 * klynge_lineage_link_get_kind:
 * @link: a lineage link
 *
 * The kind of the merger of this step: a transfer links a giver that
 * lives on to the body that took part of its activity, a rename the old
 * record of a body to its new one.
 *
 * Returns: the merger's kind
 */
KlyngeMergerKind
klynge_lineage_link_get_kind (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, KLYNGE_MERGER_KIND_MERGER);
  return link->kind;
}

/**
 * klynge_lineage_link_get_effective:
 * @link: a lineage link
 *
 * Returns: (transfer none): the merger's effective date
 */
const KlyngeDate *
klynge_lineage_link_get_effective (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return &link->effective;
}

/**
 * klynge_lineage_link_get_depth:
 * @link: a lineage link
 *
 * Returns: how many mergers away the organisation is: 1 for a direct
 *   predecessor or successor, 2 for one of theirs, and so on
 */
guint
klynge_lineage_link_get_depth (const KlyngeLineageLink *link)
{
  g_return_val_if_fail (link != NULL, 0);
  return link->depth;
}

/* One level of the walk: an organisation, its depth and how far through
 * its mergers (and, towards ancestors, the merger's predecessors) it got. */
typedef struct {
  const char *id;
  guint depth;
  guint merger;
  guint predecessor;
} LineageFrame;

static void
index_merger (GHashTable   *index,
              const char   *id,
              KlyngeMerger *merger)
{
  GPtrArray *list = g_hash_table_lookup (index, id);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer) id, list);
    }
  /* a predecessor named twice still lists the merger once */
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != merger)
    g_ptr_array_add (list, merger);
}

/* Completed mergers by an organisation id, in landscape order: by
 * successor towards ancestors, by predecessor towards descendants. Built
 * once per query, so that each level costs its own mergers, not all. */
static GHashTable *
index_completed_mergers (KlyngeLandscape *self,
                         gboolean         by_predecessor)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (self->mergers, i);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);

      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
        continue;
      if (!by_predecessor)
        {
          if (klynge_merger_get_successor (merger) != NULL)
            index_merger (index, klynge_merger_get_successor (merger), merger);
          continue;
        }
      for (guint j = 0; predecessors[j] != NULL; j++)
        index_merger (index, predecessors[j], merger);
    }
  return index;
}

/* Whether completed @merger links @id to another organisation: as its
 * successor towards ancestors, as a predecessor towards descendants. The
 * same test as index_completed_mergers() makes. */
static gboolean
merger_links (KlyngeMerger *merger,
              const char   *id,
              gboolean      by_predecessor)
{
  const char * const *predecessors;

  if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
    return FALSE;
  if (!by_predecessor)
    return g_strcmp0 (klynge_merger_get_successor (merger), id) == 0;
  predecessors = klynge_merger_get_predecessors (merger);
  for (guint j = 0; predecessors[j] != NULL; j++)
    if (strcmp (predecessors[j], id) == 0)
      return TRUE;
  return FALSE;
}

/* A walk of up to this many links scans the mergers at each level; a
 * longer one starts again with an index of them. An index built for
 * every query made a lineage of each of 5,000 organisations cost 8 s
 * (one allocation per merger per query); scanning at every level is
 * quadratic on long histories. */
#define LINEAGE_SCAN_LINKS 32

/* Ancestors (predecessors, theirs, ...) or descendants of @id, depth first
 * with an explicit stack: histories can be far deeper than the C stack
 * allows. The order is that of the recursion it replaces: each
 * organisation right after the one it links to, then its own links.
 * Without @index each level scans every merger (frame->merger counts
 * through the landscape's mergers), and the walk gives up (FALSE) past
 * LINEAGE_SCAN_LINKS links; with it, frame->merger counts through the
 * id's own list. Both see the same mergers in the same order. */
static gboolean
walk_lineage (KlyngeLandscape *self,
              const char      *id,
              gboolean         descendants,
              GHashTable      *index,
              GHashTable      *seen,
              GPtrArray       *out)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (LineageFrame));
  LineageFrame first = { id, 1, 0, 0 };
  guint start = out->len;

  g_array_append_val (stack, first);
  while (stack->len > 0)
    {
      LineageFrame *frame = &g_array_index (stack, LineageFrame, stack->len - 1);
      GPtrArray *mergers = index != NULL ? g_hash_table_lookup (index, frame->id) : self->mergers;
      LineageFrame next = { NULL, 0, 0, 0 };

      while (mergers != NULL && frame->merger < mergers->len)
        {
          KlyngeMerger *merger = g_ptr_array_index (mergers, frame->merger);
          const char *other;

          if (index == NULL && !merger_links (merger, frame->id, descendants))
            {
              frame->merger++;
              continue;
            }
          if (descendants)
            {
              other = klynge_merger_get_successor (merger);
              frame->merger++;
            }
          else if ((other = klynge_merger_get_predecessors (merger)[frame->predecessor]) == NULL)
            {
              frame->merger++;
              frame->predecessor = 0;
              continue;
            }
          else
            frame->predecessor++;
          if (other == NULL || g_hash_table_contains (seen, other))
            continue;
          g_hash_table_add (seen, (gpointer) other);
          g_ptr_array_add (out, lineage_link_new (other, frame->id, merger, frame->depth));
          next.id = other;
          next.depth = frame->depth + 1;
          break;
        }
      if (index == NULL && out->len - start > LINEAGE_SCAN_LINKS)
        return FALSE;
      /* frame is not used past here: appending may move the stack */
      if (next.id != NULL)
        g_array_append_val (stack, next);
      else
        g_array_set_size (stack, stack->len - 1);
    }
  return TRUE;
}

static void
collect_lineage (KlyngeLandscape *self,
                 const char      *id,
                 gboolean         descendants,
                 GHashTable      *seen,
                 GPtrArray       *out)
{
  g_autoptr(GHashTable) index = NULL;
  guint start = out->len;

  if (walk_lineage (self, id, descendants, NULL, seen, out))
    return;
  /* a long history: forget the partial walk, index the mergers once */
  for (guint i = start; i < out->len; i++)
    g_hash_table_remove (seen, klynge_lineage_link_get_organisation (g_ptr_array_index (out, i)));
  g_ptr_array_set_size (out, start);
  index = index_completed_mergers (self, descendants);
  walk_lineage (self, id, descendants, index, seen, out);
}

/**
 * klynge_landscape_list_ancestors:
 * @self: a landscape
 * @id: an organisation's id
 *
 * Every organisation that went into @id through completed mergers: its
 * predecessors, theirs, and so on, depth first (each predecessor is
 * followed by its own ancestors), mergers in landscape order and
 * predecessors in the merger's order. Each organisation is listed once.
 *
 * Returns: (transfer container) (element-type KlyngeLineageLink) (nullable):
 *   the ancestors; %NULL when @id is not an organisation of @self. The
 *   array frees its elements.
 */
GPtrArray *
klynge_landscape_list_ancestors (KlyngeLandscape *self,
                                 const char      *id)
{
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (_klynge_landscape_get_org_entry (self, id) == NULL)
    return NULL;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (seen, (gpointer) id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_lineage_link_unref);
  collect_lineage (self, id, FALSE, seen, out);
  return out;
}

/**
 * klynge_landscape_list_descendants:
 * @self: a landscape
 * @id: an organisation's id
 *
 * Every organisation that @id went into through completed mergers: its
 * successor, that one's successor, and so on, depth first, mergers in
 * landscape order. Each organisation is listed once.
 *
 * Returns: (transfer container) (element-type KlyngeLineageLink) (nullable):
 *   the descendants; %NULL when @id is not an organisation of @self. The
 *   array frees its elements.
 */
GPtrArray *
klynge_landscape_list_descendants (KlyngeLandscape *self,
                                   const char      *id)
{
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (_klynge_landscape_get_org_entry (self, id) == NULL)
    return NULL;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (seen, (gpointer) id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_lineage_link_unref);
  collect_lineage (self, id, TRUE, seen, out);
  return out;
}

/* --- member overlap ------------------------------------------------------ */

struct _KlyngeOverlap
{
  gint ref_count;
  guint shared;
  guint n_union;
  gboolean exact;     /* both member lists complete */
  const char *a;      /* in the same block, after the struct */
  const char *b;
};

G_DEFINE_BOXED_TYPE (KlyngeOverlap, klynge_overlap, klynge_overlap_ref, klynge_overlap_unref)

/* ids stored in the same block, after the struct; lengths count the NUL */
static KlyngeOverlap *
overlap_new_len (const char *a,
                 gsize       la,
                 const char *b,
                 gsize       lb,
                 guint       shared,
                 guint       n_union,
                 gboolean    exact)
{
  KlyngeOverlap *overlap;
  char *strings;

  overlap = g_malloc (sizeof (KlyngeOverlap) + la + lb);
  strings = (char *) (overlap + 1);
  memcpy (strings, a, la);
  memcpy (strings + la, b, lb);
  overlap->ref_count = 1;
  overlap->shared = shared;
  overlap->n_union = n_union;
  overlap->exact = exact;
  overlap->a = strings;
  overlap->b = strings + la;
  return overlap;
}

/**
 * klynge_overlap_new:
 * @a: an organisation's id
 * @b: another organisation's id
 * @shared: how many distinct members both have
 * @n_union: how many distinct members either has
 *
 * An overlap of two organisations whose member lists are complete, so
 * whose counts are exact; see klynge_overlap_new_with_certainty().
 *
 * Returns: (transfer full): a new overlap
 */
KlyngeOverlap *
klynge_overlap_new (const char *a,
                    const char *b,
                    guint       shared,
                    guint       n_union)
{
  return klynge_overlap_new_with_certainty (a, b, shared, n_union, TRUE);
}

/**
 * klynge_overlap_new_with_certainty:
 * @a: an organisation's id
 * @b: another organisation's id
 * @shared: how many distinct members both are known to have
 * @n_union: how many distinct members either is known to have
 * @exact: whether both member lists are complete, so that @shared and
 *   @n_union are exact
 *
 * Returns: (transfer full): a new overlap
 */
KlyngeOverlap *
klynge_overlap_new_with_certainty (const char *a,
                                   const char *b,
                                   guint       shared,
                                   guint       n_union,
                                   gboolean    exact)
{
  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  g_return_val_if_fail (shared <= n_union, NULL);

  return overlap_new_len (a, strlen (a) + 1, b, strlen (b) + 1, shared, n_union, exact);
}

/**
 * klynge_overlap_ref:
 * @overlap: an overlap
 *
 * Returns: (transfer full): @overlap, with one more reference
 */
KlyngeOverlap *
klynge_overlap_ref (KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, NULL);
  g_atomic_int_inc (&overlap->ref_count);
  return overlap;
}

/**
 * klynge_overlap_unref:
 * @overlap: (transfer full): an overlap
 *
 * Drops a reference, freeing @overlap with the last.
 */
void
klynge_overlap_unref (KlyngeOverlap *overlap)
{
  g_return_if_fail (overlap != NULL);
  if (g_atomic_int_dec_and_test (&overlap->ref_count))
    g_free (overlap);
}

/**
 * klynge_overlap_get_a:
 * @overlap: an overlap
 *
 * Returns: the first organisation's id (the earlier in landscape order)
 */
const char *
klynge_overlap_get_a (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, NULL);
  return overlap->a;
}

/**
 * klynge_overlap_get_b:
 * @overlap: an overlap
 *
 * Returns: the second organisation's id
 */
const char *
klynge_overlap_get_b (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, NULL);
  return overlap->b;
}

/**
 * klynge_overlap_get_shared:
 * @overlap: an overlap
 *
 * How many distinct members both organisations are known to have: the
 * count itself when klynge_overlap_is_exact(), otherwise only a lower
 * bound; klynge_overlap_get_shared_count() says which.
 *
 * Returns: the known shared members
 */
guint
klynge_overlap_get_shared (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, 0);
  return overlap->shared;
}

/**
 * klynge_overlap_get_union:
 * @overlap: an overlap
 *
 * How many distinct members either organisation is known to have: the
 * count itself when klynge_overlap_is_exact(), otherwise only a lower
 * bound; klynge_overlap_get_union_count() says which.
 *
 * Returns: the known members of either
 */
guint
klynge_overlap_get_union (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, 0);
  return overlap->n_union;
}

/**
 * klynge_overlap_is_exact:
 * @overlap: an overlap
 *
 * Returns: whether both organisations' member lists are complete
 *   (%KLYNGE_MEMBER_LIST_COMPLETE), so that every figure of @overlap is
 *   exact
 */
gboolean
klynge_overlap_is_exact (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, FALSE);
  return overlap->exact;
}

/**
 * klynge_overlap_get_shared_count:
 * @overlap: an overlap
 * @count: (out caller-allocates): the count of shared members: exact when
 *   both member lists are complete, otherwise at least the known shared
 *   ones, or not known when none is known
 *
 * The shared members with their certainty (klynge_count_init()).
 */
void
klynge_overlap_get_shared_count (const KlyngeOverlap *overlap,
                                 KlyngeCount         *count)
{
  g_return_if_fail (overlap != NULL && count != NULL);
  klynge_count_init (count, overlap->shared, overlap->exact);
}

/**
 * klynge_overlap_get_union_count:
 * @overlap: an overlap
 * @count: (out caller-allocates): the count of members of either, with
 *   its certainty as for klynge_overlap_get_shared_count()
 *
 * The members of either organisation with their certainty.
 */
void
klynge_overlap_get_union_count (const KlyngeOverlap *overlap,
                                KlyngeCount         *count)
{
  g_return_if_fail (overlap != NULL && count != NULL);
  klynge_count_init (count, overlap->n_union, overlap->exact);
}

/**
 * klynge_overlap_get_jaccard:
 * @overlap: an overlap
 *
 * The Jaccard index of the known members: shared ÷ union, a ratio between
 * 0 and 1 (0 when neither organisation has members). It is the index
 * itself only when klynge_overlap_is_exact(); otherwise it is no bound
 * either way: use klynge_overlap_get_exact_jaccard().
 *
 * Returns: the Jaccard index of the known members
 */
double
klynge_overlap_get_jaccard (const KlyngeOverlap *overlap)
{
  g_return_val_if_fail (overlap != NULL, 0.0);
  return overlap->n_union == 0 ? 0.0 : (double) overlap->shared / (double) overlap->n_union;
}

/**
 * klynge_overlap_get_exact_jaccard:
 * @overlap: an overlap
 * @jaccard: (out) (optional): the Jaccard index, shared ÷ union (0 when
 *   neither organisation has members); 0 when not known
 *
 * The Jaccard index when it is known. With a member list that is not
 * complete, the missing members could raise the shared count, the union
 * or both, so the ratio of the known ones bounds nothing: it is not
 * known, and this function says so rather than give a misleading number.
 *
 * Returns: %TRUE when both member lists are complete and @jaccard is set
 *   to the index; %FALSE when it is not known
 */
gboolean
klynge_overlap_get_exact_jaccard (const KlyngeOverlap *overlap,
                                  double              *jaccard)
{
  double value = 0.0;

  g_return_val_if_fail (overlap != NULL, FALSE);

  if (overlap->exact)
    value = klynge_overlap_get_jaccard (overlap);
  if (jaccard != NULL)
    *jaccard = value;
  return overlap->exact;
}

/* The distinct members of @entry with a membership active on @day (any
 * for KLYNGE_MEMBERSHIP_ANY_DAY) in one of @roles. */
static guint
count_distinct_on (const KlyngeOrgEntry *entry,
                   guint32               day,
                   guint                 roles)
{
  const KlyngeMembershipSlot *slots;
  guint n = 0, n_slots, i = 0;

  slots = _klynge_membership_store_org_slots (entry, &n_slots);
  while (_klynge_membership_store_next_member_as (slots, n_slots, &i, day, roles, NULL) != G_MAXUINT32)
    n++;
  return n;
}

/* Distinct members both organisations share, in one linear pass over
 * their sorted memberships. */
static guint
count_shared (const KlyngeOrgEntry *x,
              const KlyngeOrgEntry *y)
{
  const KlyngeMembershipSlot *a, *b;
  guint i = 0, j = 0, shared = 0, n_a, n_b;

  a = _klynge_membership_store_org_slots (x, &n_a);
  b = _klynge_membership_store_org_slots (y, &n_b);
  while (i < n_a && j < n_b)
    {
      guint32 ma = a[i].member, mb = b[j].member;

      if (ma < mb)
        i++;
      else if (mb < ma)
        j++;
      else
        {
          shared++;
          while (i < n_a && a[i].member == ma)
            i++;
          while (j < n_b && b[j].member == mb)
            j++;
        }
    }
  return shared;
}

/**
 * klynge_landscape_count_shared_members:
 * @self: a landscape
 * @a: an organisation's id
 * @b: another organisation's id
 *
 * How many distinct members @a and @b are recorded to share, counting
 * every membership whatever its dates, in time linear in their
 * memberships. It is the known part: all they share only when both
 * member lists are complete; klynge_landscape_member_overlaps_on() gives
 * the count with its certainty.
 *
 * Returns: the number of shared members recorded; 0 when either is not an
 *   organisation of @self
 */
guint
klynge_landscape_count_shared_members (KlyngeLandscape *self,
                                       const char      *a,
                                       const char      *b)
{
  KlyngeOrgEntry *x, *y;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  x = _klynge_landscape_get_org_entry (self, a);
  y = _klynge_landscape_get_org_entry (self, b);
  if (x == NULL || y == NULL)
    return 0;
  return count_shared (x, y);
}

static inline guint32
lowest_bit (guint64 word)
{
#if defined(__GNUC__) || defined(__clang__)
  return (guint32) __builtin_ctzll (word);
#else
  guint32 bit = 0;

  while ((word & 1) == 0)
    {
      word >>= 1;
      bit++;
    }
  return bit;
#endif
}

/* member slot → the organisations, in landscape order and each once, of
 * which it is a member on a day in one of some roles: the counterpart of
 * the store's index by member for a date or roles, built for one call. */
typedef struct {
  guint32 *offsets;      /* n member slots + 1 */
  guint32 *orgs;
} MembersOnDay;

static void
members_on_day_build (MembersOnDay    *index,
                      KlyngeLandscape *self,
                      guint32          day,
                      guint            roles)
{
  guint32 n_members = _klynge_membership_store_n_member_slots (&self->store);
  guint32 *fill = NULL;

  index->offsets = g_new0 (guint32, n_members + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint a = 0; a < self->organisations->len; a++)
        {
          const KlyngeMembershipSlot *slots;
          guint n_slots, i = 0;
          guint32 m;

          slots = _klynge_membership_store_org_slots (org_at (self, a), &n_slots);
          while ((m = _klynge_membership_store_next_member_as (slots, n_slots, &i, day, roles, NULL)) != G_MAXUINT32)
            {
              if (pass == 0)
                index->offsets[m + 1]++;
              else
                index->orgs[fill[m]++] = a;
            }
        }
      if (pass == 1)
        break;
      /* counts to offsets; the second pass fills them in order */
      for (guint32 m = 0; m < n_members; m++)
        index->offsets[m + 1] += index->offsets[m];
      index->orgs = g_new (guint32, MAX (index->offsets[n_members], 1));
      fill = g_memdup2 (index->offsets, sizeof (guint32) * n_members);
    }
  g_free (fill);
}

static inline const guint32 *
orgs_of_member (KlyngeLandscape    *self,
                const MembersOnDay *index,
                guint32             member,
                guint              *n)
{
  if (index->offsets == NULL)
    return _klynge_membership_store_orgs_of_member (&self->store, member, n);
  *n = index->offsets[member + 1] - index->offsets[member];
  return index->orgs + index->offsets[member];
}

/**
 * klynge_landscape_member_overlaps:
 * @self: a landscape
 * @min_shared: list only pairs that share at least this many members (0
 *   counts as 1: pairs with nothing in common are never listed)
 *
 * The member overlap of every pair of organisations, counting distinct
 * members and every membership whatever its dates: that is,
 * klynge_landscape_member_overlaps_on() with no date.
 *
 * Returns: (transfer container) (element-type KlyngeOverlap): one row per
 *   pair, the first organisation earlier in landscape order than the
 *   second, ordered by the first and then the second. The array frees its
 *   elements.
 */
GPtrArray *
klynge_landscape_member_overlaps (KlyngeLandscape *self,
                                  guint            min_shared)
{
  return klynge_landscape_member_overlaps_on (self, NULL, min_shared);
}

/**
 * klynge_landscape_member_overlaps_on:
 * @self: a landscape
 * @date: (nullable): count the members with a membership active on this
 *   date (begun on or before it, not ended before it; a partial date
 *   stands for its first day); %NULL counts every membership whatever its
 *   dates
 * @min_shared: list only pairs known to share at least this many members
 *   (0 counts as 1: pairs with nothing known in common are never listed)
 *
 * The member overlap of every pair of organisations, counting distinct
 * members. Each row says whether it is exact (klynge_overlap_is_exact()):
 * only when both member lists are %KLYNGE_MEMBER_LIST_COMPLETE; otherwise
 * its counts are lower bounds and its Jaccard index is not known. A pair
 * whose lists are not complete may share more than it is known to, so
 * @min_shared filters on what is known.
 *
 * It works from an index of member → organisations, so its cost grows
 * with the sum over members of the square of how many organisations each
 * belongs to, not with the number of pairs of organisations.
 *
 * Returns: (transfer container) (element-type KlyngeOverlap): one row per
 *   pair, the first organisation earlier in landscape order than the
 *   second, ordered by the first and then the second. The array frees its
 *   elements.
 */
GPtrArray *
klynge_landscape_member_overlaps_on (KlyngeLandscape  *self,
                                     const KlyngeDate *date,
                                     guint             min_shared)
{
  return klynge_landscape_member_overlaps_full (self, date, min_shared, KLYNGE_MEMBERSHIP_ROLES_ALL);
}

/**
 * klynge_landscape_member_overlaps_full:
 * @self: a landscape
 * @date: (nullable): as in klynge_landscape_member_overlaps_on()
 * @min_shared: as in klynge_landscape_member_overlaps_on()
 * @roles: the roles that count, a mask of KLYNGE_MEMBERSHIP_ROLE_BIT()
 *   (%KLYNGE_MEMBERSHIP_ROLES_ALL for every role)
 *
 * klynge_landscape_member_overlaps_on() counting only memberships whose
 * role is in @roles: with
 * `KLYNGE_MEMBERSHIP_ROLE_BIT (KLYNGE_MEMBERSHIP_ROLE_MEMBER)`, the
 * members two organisations share, leaving out their partners and
 * participants. A member counts for an organisation when one of its
 * memberships there is active (on @date, when given) and in @roles; the
 * union and the certainty are as in klynge_landscape_member_overlaps_on().
 *
 * Returns: (transfer container) (element-type KlyngeOverlap): one row per
 *   pair, as klynge_landscape_member_overlaps_on() orders them. The array
 *   frees its elements.
 */
GPtrArray *
klynge_landscape_member_overlaps_full (KlyngeLandscape  *self,
                                       const KlyngeDate *date,
                                       guint             min_shared,
                                       guint             roles)
{
  GPtrArray *out;
  guint n;
  guint *distinct;
  gboolean *complete;
  const char **ids;
  gsize *lens;
  guint32 *counts;
  guint64 *touched;
  guint n_words;
  guint32 day = KLYNGE_MEMBERSHIP_ANY_DAY;
  MembersOnDay index = { NULL, NULL };

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  if (min_shared == 0)
    min_shared = 1;
  n = self->organisations->len;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_overlap_unref);
  if (n < 2)
    return out;

  if (date != NULL && klynge_date_is_set (date))
    day = klynge_date_get_first_day (date);
  /* the store's index holds every membership: a day or a choice of roles
   * needs one of its own */
  if (day != KLYNGE_MEMBERSHIP_ANY_DAY || (roles & KLYNGE_MEMBERSHIP_ROLES_ALL) != KLYNGE_MEMBERSHIP_ROLES_ALL)
    members_on_day_build (&index, self, day, roles);
  else
    _klynge_membership_store_index_by_member (&self->store, self->organisations);
  distinct = g_new (guint, n);
  complete = g_new (gboolean, n);
  ids = g_new (const char *, n);
  lens = g_new (gsize, n);
  for (guint a = 0; a < n; a++)
    {
      KlyngeOrganisation *organisation = org_at (self, a)->organisation;

      distinct[a] = count_distinct_on (org_at (self, a), day, roles);
      complete[a] = klynge_organisation_get_member_list (organisation) == KLYNGE_MEMBER_LIST_COMPLETE;
      ids[a] = org_id (org_at (self, a));
      lens[a] = strlen (ids[a]) + 1;
    }
  counts = g_new0 (guint32, n);
  n_words = (n + 63) / 64;
  touched = g_new0 (guint64, n_words);

  for (guint a = 0; a < n; a++)
    {
      const KlyngeOrgEntry *entry = org_at (self, a);
      const KlyngeMembershipSlot *slots;
      guint n_slots, i = 0;
      guint32 m;
      gboolean any = FALSE;

      if (distinct[a] < min_shared)
        continue;
      slots = _klynge_membership_store_org_slots (entry, &n_slots);
      while ((m = _klynge_membership_store_next_member_as (slots, n_slots, &i, day, roles, NULL)) != G_MAXUINT32)
        {
          guint32 previous = G_MAXUINT32;
          const guint32 *orgs;
          guint k;

          /* a member's organisations come in landscape order, repeated
           * once per membership in the store's index: walk back from the
           * end to a */
          orgs = orgs_of_member (self, &index, m, &k);
          for (; k > 0; k--)
            {
              guint32 b = orgs[k - 1];

              if (b <= a)
                break;
              if (b == previous)
                continue;
              previous = b;
              if (counts[b]++ == 0)
                {
                  touched[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
                  any = TRUE;
                }
            }
        }
      if (!any)
        continue;
      /* the bitmap gives the pairs in order without sorting */
      for (guint w = (a + 1) / 64; w < n_words; w++)
        {
          guint64 word = touched[w];

          touched[w] = 0;
          while (word != 0)
            {
              guint32 b = w * 64 + lowest_bit (word);

              word &= word - 1;
              if (counts[b] >= min_shared)
                g_ptr_array_add (out, overlap_new_len (ids[a], lens[a], ids[b], lens[b],
                                                       counts[b],
                                                       distinct[a] + distinct[b] - counts[b],
                                                       complete[a] && complete[b]));
              counts[b] = 0;
            }
        }
    }
  g_free (index.offsets);
  g_free (index.orgs);
  g_free (touched);
  g_free (counts);
  g_free (ids);
  g_free (lens);
  g_free (complete);
  g_free (distinct);
  return out;
}
