/* klynge-due-diligence.c: the report on a possible merger
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-landscape-private.h"

/**
 * KlyngeDueDiligence:
 *
 * The report on a possible merger of some organisations on a date, made by
 * klynge_landscape_due_diligence() before anything is applied: the
 * "cluster due-diligence tool" of the support body. It is a snapshot:
 * counts, amounts and ids are fixed when it is made; the contracts and
 * members it lists are the landscape's own objects.
 *
 * Its rules match those of klynge_landscape_apply_merger(), so the report
 * tells what applying a merger of the organisations into a new successor
 * on the date would do:
 *
 * - members: the members of an organisation are those with a membership
 *   of it active on the date (begun on or before it and not ended before
 *   it); each member counts once. Overlaps are computed for every pair,
 *   in the order the organisations were given, by merging their sorted
 *   member arrays in linear time; the combined count is the number of
 *   distinct members of all of them, which is what a new successor would
 *   start with. Every count says how certain it is (#KlyngeCount): a
 *   count over organisations whose member lists are all
 *   %KLYNGE_MEMBER_LIST_COMPLETE is exact; any other is at least the
 *   members recorded, or not known when none is;
 * - funding: what each funding source pays all of the organisations
 *   together (klynge_landscape_funding_paid(), pro-rated by days) in the
 *   year before the date (the year up to the day before it) and in the
 *   year from the date on; the year after 29 February ends on 28 February;
 * - contracts: those that would move to the successor
 *   (klynge_contract_moves_to_successor(): held by one of the
 *   organisations, ending on or after the date), those of them that end
 *   within the year after the date (and so need renewing by the
 *   successor), and conflicts: two moving contracts of different
 *   organisations that the same funding source pays for the same days on
 *   or after the date;
 * - coverage: the focus areas and cities of the organisations, each with
 *   how many of them have it;
 * - problems: what klynge_landscape_check_merger_of() reports for a
 *   `merger` of the organisations into a new successor on the date; the
 *   merger is blocked when there is any.
 */

struct _KlyngeContractConflict
{
  gatomicrefcount ref_count;
  char *a;
  char *b;
  char *source;
  KlyngePeriod period;
};

G_DEFINE_BOXED_TYPE (KlyngeContractConflict, klynge_contract_conflict,
                     klynge_contract_conflict_ref, klynge_contract_conflict_unref)

/**
 * klynge_contract_conflict_ref:
 * @conflict: a conflict
 *
 * Returns: (transfer full): @conflict, with one more reference
 */
KlyngeContractConflict *
klynge_contract_conflict_ref (KlyngeContractConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);
  g_atomic_ref_count_inc (&conflict->ref_count);
  return conflict;
}

/**
 * klynge_contract_conflict_unref:
 * @conflict: (transfer full): a conflict
 *
 * Drops a reference, freeing @conflict with the last.
 */
void
klynge_contract_conflict_unref (KlyngeContractConflict *conflict)
{
  g_return_if_fail (conflict != NULL);
  if (!g_atomic_ref_count_dec (&conflict->ref_count))
    return;
  g_free (conflict->a);
  g_free (conflict->b);
  g_free (conflict->source);
  g_free (conflict);
}

/**
 * klynge_contract_conflict_get_a:
 * @conflict: a conflict
 *
 * Returns: the id of the contract that comes first in the landscape
 */
const char *
klynge_contract_conflict_get_a (const KlyngeContractConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);
  return conflict->a;
}

/**
 * klynge_contract_conflict_get_b:
 * @conflict: a conflict
 *
 * Returns: the id of the other contract
 */
const char *
klynge_contract_conflict_get_b (const KlyngeContractConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);
  return conflict->b;
}

/**
 * klynge_contract_conflict_get_source:
 * @conflict: a conflict
 *
 * Returns: the id of the funding source that pays both
 */
const char *
klynge_contract_conflict_get_source (const KlyngeContractConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);
  return conflict->source;
}

/**
 * klynge_contract_conflict_get_period:
 * @conflict: a conflict
 *
 * Returns: (transfer none): the days, on or after the report's date, that
 *   both contracts cover
 */
const KlyngePeriod *
klynge_contract_conflict_get_period (const KlyngeContractConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);
  return &conflict->period;
}

struct _KlyngeDueDiligence
{
  GObject parent_instance;

  GStrv organisations;
  KlyngeDate date;

  guint *member_counts;          /* per organisation */
  KlyngeMemberList *member_lists; /* per organisation */
  gboolean all_complete;
  guint combined;
  GPtrArray *overlaps;           /* KlyngeOverlap */
  GPtrArray *shared_members;     /* KlyngeMember */
  GArray *shared_counts;         /* guint, parallel to shared_members */
  guint by_kind[KLYNGE_MEMBER_KIND_OTHER + 1];
  guint by_size[KLYNGE_MEMBER_SIZE_LARGE + 1];
  guint by_role[KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT + 1];

  KlyngePeriod before;
  KlyngePeriod after;
  GStrv funding_sources;
  gint64 *funding_before;        /* parallel to funding_sources */
  gint64 *funding_after;
  guint *unknown_before;         /* grants of unknown amount, parallel too */
  guint *unknown_after;
  guint total_unknown_before;
  guint total_unknown_after;
  gint64 total_before;
  gint64 total_after;

  GPtrArray *moving;             /* KlyngeContract */
  GPtrArray *ending;             /* KlyngeContract */
  GPtrArray *conflicts;          /* KlyngeContractConflict */

  GStrv focus_areas;
  GArray *focus_counts;          /* guint */
  GStrv cities;
  GArray *city_counts;           /* guint */

  GPtrArray *problems;           /* KlyngeProblem */
};

G_DEFINE_FINAL_TYPE (KlyngeDueDiligence, klynge_due_diligence, G_TYPE_OBJECT)

static void
klynge_due_diligence_finalize (GObject *object)
{
  KlyngeDueDiligence *self = KLYNGE_DUE_DILIGENCE (object);

  g_strfreev (self->organisations);
  g_free (self->member_counts);
  g_free (self->member_lists);
  g_clear_pointer (&self->overlaps, g_ptr_array_unref);
  g_clear_pointer (&self->shared_members, g_ptr_array_unref);
  g_clear_pointer (&self->shared_counts, g_array_unref);
  g_strfreev (self->funding_sources);
  g_free (self->funding_before);
  g_free (self->funding_after);
  g_free (self->unknown_before);
  g_free (self->unknown_after);
  g_clear_pointer (&self->moving, g_ptr_array_unref);
  g_clear_pointer (&self->ending, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_strfreev (self->focus_areas);
  g_clear_pointer (&self->focus_counts, g_array_unref);
  g_strfreev (self->cities);
  g_clear_pointer (&self->city_counts, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (klynge_due_diligence_parent_class)->finalize (object);
}

static void
klynge_due_diligence_class_init (KlyngeDueDiligenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_due_diligence_finalize;
}

static void
klynge_due_diligence_init (KlyngeDueDiligence *self)
{
}

/* --- building ------------------------------------------------------------ */

static inline gboolean
is_complete (KlyngeDueDiligence *self,
             guint               i)
{
  return self->member_lists[i] == KLYNGE_MEMBER_LIST_COMPLETE;
}

/* The distinct members with a membership active on @day, as a sorted
 * array of member slot indexes; each also goes into @keyed as
 * (member << 2 | its strongest role on @day), so that sorting @keyed puts
 * a member's strongest role among all the organisations first. */
static GArray *
current_members (KlyngeOrgEntry *entry,
                 guint32         day,
                 GArray         *keyed)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));
  const KlyngeMembershipSlot *slots;
  guint n, i = 0;
  guint32 member;
  KlyngeMembershipRole role;

  slots = _klynge_membership_store_org_slots (entry, &n);
  while ((member = _klynge_membership_store_next_member_as (slots, n, &i, day, KLYNGE_MEMBERSHIP_ROLES_ALL,
                                                            &role)) != G_MAXUINT32)
    {
      guint64 key = (guint64) member << 2 | role;

      g_array_append_val (out, member);
      g_array_append_val (keyed, key);
    }
  return out;
}

static guint
count_shared_sorted (GArray *x,
                     GArray *y)
{
  const guint32 *a = (const guint32 *) x->data, *b = (const guint32 *) y->data;
  guint i = 0, j = 0, shared = 0;

  while (i < x->len && j < y->len)
    {
      if (a[i] < b[j])
        i++;
      else if (b[j] < a[i])
        j++;
      else
        {
          shared++;
          i++;
          j++;
        }
    }
  return shared;
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static void
compute_members (KlyngeDueDiligence *self,
                 KlyngeLandscape    *landscape,
                 GPtrArray          *entries,
                 guint32             day)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint64));  /* member << 2 | role */
  guint n = entries->len;

  self->member_counts = g_new0 (guint, n);
  self->member_lists = g_new0 (KlyngeMemberList, n);
  self->all_complete = TRUE;
  for (guint i = 0; i < n; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (entries, i);
      GArray *set = current_members (entry, day, all);

      self->member_lists[i] = klynge_organisation_get_member_list (entry->organisation);
      self->all_complete = self->all_complete && is_complete (self, i);
      self->member_counts[i] = set->len;
      g_ptr_array_add (sets, set);
    }

  self->overlaps = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_overlap_unref);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        GArray *a = g_ptr_array_index (sets, i), *b = g_ptr_array_index (sets, j);
        guint shared = count_shared_sorted (a, b);

        g_ptr_array_add (self->overlaps,
                         klynge_overlap_new_with_certainty (self->organisations[i],
                                                            self->organisations[j],
                                                            shared, a->len + b->len - shared,
                                                            is_complete (self, i) && is_complete (self, j)));
      }

  /* each set holds a member once, so a run of k equal indexes in the
   * sorted concatenation is a member of k organisations; the run's first
   * key has the member's strongest role, which a successor would carry
   * on (_klynge_membership_store_carry()) */
  if (all->len > 0)  /* qsort (NULL, 0, ...) is undefined (UBSan) */
    qsort (all->data, all->len, sizeof (guint64), compare_guint64);
  self->shared_members = g_ptr_array_new_with_free_func (g_object_unref);
  self->shared_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < all->len;)
    {
      guint32 member = (guint32) (g_array_index (all, guint64, i) >> 2);
      guint role = (guint) (g_array_index (all, guint64, i) & 3);
      guint j = i + 1;
      KlyngeMemberKind kind = _klynge_landscape_member_kind (landscape, member);
      KlyngeMemberSize size = _klynge_landscape_member_size (landscape, member);

      while (j < all->len && (g_array_index (all, guint64, j) >> 2) == member)
        j++;
      self->combined++;
      self->by_role[role]++;
      if ((guint) kind < G_N_ELEMENTS (self->by_kind))
        self->by_kind[kind]++;
      if ((guint) size < G_N_ELEMENTS (self->by_size))
        self->by_size[size]++;
      if (j - i >= 2)
        {
          guint count = j - i;

          g_ptr_array_add (self->shared_members,
                           g_object_ref (_klynge_landscape_get_member_object (landscape, member)));
          g_array_append_val (self->shared_counts, count);
        }
      i = j;
    }
}

static void
init_years (KlyngeDueDiligence *self,
            guint32             day)
{
  KlyngeDate date, shifted;
  GDate g;

  klynge_date_init_from_day (&date, day);
  klynge_date_to_gdate (&date, &g);
  g_date_subtract_years (&g, 1);
  klynge_date_init (&shifted, g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));
  klynge_period_init_days (&self->before, klynge_date_get_first_day (&shifted), day - 1);

  klynge_date_to_gdate (&date, &g);
  g_date_add_years (&g, 1);
  klynge_date_init (&shifted, g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));
  klynge_period_init_days (&self->after, day, klynge_date_get_first_day (&shifted) - 1);
}

/* The funding sums: FALSE with KLYNGE_ERROR_OVERFLOW when one exceeds
 * KLYNGE_MONEY_MAX, for the report must not show a wrong figure. */
static gboolean
compute_funding (KlyngeDueDiligence  *self,
                 KlyngeLandscape     *landscape,
                 GError             **error)
{
  GPtrArray *sources = landscape->funding_sources;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) unknown_before = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) unknown_after = g_array_new (FALSE, FALSE, sizeof (guint));

  /* a grant of unknown amount is counted, never added as 0: per source,
   * and once in the totals however many sources share it */
  for (guint i = 0; self->organisations[i] != NULL; i++)
    {
      self->total_unknown_before +=
        klynge_landscape_funding_count_unknown (landscape, NULL, self->organisations[i], &self->before);
      self->total_unknown_after +=
        klynge_landscape_funding_count_unknown (landscape, NULL, self->organisations[i], &self->after);
    }

  for (guint s = 0; s < sources->len; s++)
    {
      const char *source = klynge_record_get_id (g_ptr_array_index (sources, s));
      gint64 b = 0, a = 0;
      guint ub = 0, ua = 0;

      for (guint i = 0; self->organisations[i] != NULL; i++)
        {
          gint64 paid_before, paid_after;

          if (!klynge_landscape_funding_paid_checked (landscape, source, self->organisations[i],
                                                      &self->before, &paid_before, error)
              || !klynge_landscape_funding_paid_checked (landscape, source, self->organisations[i],
                                                         &self->after, &paid_after, error)
              || !_klynge_money_add (&b, paid_before, "due diligence: funding before", error)
              || !_klynge_money_add (&a, paid_after, "due diligence: funding after", error))
            return FALSE;
          ub += klynge_landscape_funding_count_unknown (landscape, source, self->organisations[i], &self->before);
          ua += klynge_landscape_funding_count_unknown (landscape, source, self->organisations[i], &self->after);
        }
      if (a == 0 && b == 0 && ua == 0 && ub == 0)
        continue;
      g_strv_builder_add (ids, source);
      g_array_append_val (before, b);
      g_array_append_val (after, a);
      g_array_append_val (unknown_before, ub);
      g_array_append_val (unknown_after, ua);
      if (!_klynge_money_add (&self->total_before, b, "due diligence: funding before", error)
          || !_klynge_money_add (&self->total_after, a, "due diligence: funding after", error))
        return FALSE;
    }
  self->funding_sources = g_strv_builder_end (ids);
  self->funding_before = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&before), FALSE);
  self->funding_after = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&after), FALSE);
  self->unknown_before = (guint *) (gpointer) g_array_free (g_steal_pointer (&unknown_before), FALSE);
  self->unknown_after = (guint *) (gpointer) g_array_free (g_steal_pointer (&unknown_after), FALSE);
  return TRUE;
}

static void
compute_contracts (KlyngeDueDiligence *self,
                   KlyngeLandscape    *landscape,
                   guint32             day)
{
  self->moving = g_ptr_array_new_with_free_func (g_object_unref);
  self->ending = g_ptr_array_new_with_free_func (g_object_unref);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_contract_conflict_unref);

  for (guint i = 0; i < landscape->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (landscape->contracts, i);
      guint32 last = klynge_period_get_last_day (klynge_contract_get_period (contract));

      if (!klynge_contract_moves_to_successor (contract, (const char * const *) self->organisations,
                                               &self->date))
        continue;
      g_ptr_array_add (self->moving, g_object_ref (contract));
      if (last <= klynge_period_get_last_day (&self->after))
        g_ptr_array_add (self->ending, g_object_ref (contract));
    }

  for (guint i = 0; i < self->moving->len; i++)
    for (guint j = i + 1; j < self->moving->len; j++)
      {
        KlyngeContract *a = g_ptr_array_index (self->moving, i);
        KlyngeContract *b = g_ptr_array_index (self->moving, j);
        const KlyngePeriod *pa = klynge_contract_get_period (a);
        const KlyngePeriod *pb = klynge_contract_get_period (b);
        guint32 first = MAX (MAX (klynge_period_get_first_day (pa), klynge_period_get_first_day (pb)), day);
        guint32 last = MIN (klynge_period_get_last_day (pa), klynge_period_get_last_day (pb));
        GPtrArray *shares_a;

        if (g_strcmp0 (klynge_contract_get_holder (a), klynge_contract_get_holder (b)) == 0
            || first > last)
          continue;
        shares_a = klynge_contract_get_shares (a);
        for (guint s = 0; s < shares_a->len; s++)
          {
            const char *source = klynge_share_get_source (g_ptr_array_index (shares_a, s));
            GPtrArray *shares_b = klynge_contract_get_shares (b);
            KlyngeContractConflict *conflict;
            gboolean both = FALSE;

            for (guint t = 0; t < shares_b->len && !both; t++)
              both = g_strcmp0 (klynge_share_get_source (g_ptr_array_index (shares_b, t)), source) == 0;
            if (!both)
              continue;
            conflict = g_new0 (KlyngeContractConflict, 1);
            g_atomic_ref_count_init (&conflict->ref_count);
            conflict->a = g_strdup (klynge_record_get_id (KLYNGE_RECORD (a)));
            conflict->b = g_strdup (klynge_record_get_id (KLYNGE_RECORD (b)));
            conflict->source = g_strdup (source);
            klynge_period_init_days (&conflict->period, first, last);
            g_ptr_array_add (self->conflicts, conflict);
          }
      }
}

static void
count_string (GPtrArray  *names,
              GArray     *counts,
              const char *name)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
    g_array_index (counts, guint, index)++;
  else
    {
      guint one = 1;

      g_ptr_array_add (names, g_strdup (name));
      g_array_append_val (counts, one);
    }
}

static GStrv
strv_from_array (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

static void
compute_coverage (KlyngeDueDiligence *self,
                  GPtrArray          *entries)
{
  GPtrArray *areas = g_ptr_array_new ();
  GPtrArray *cities = g_ptr_array_new ();

  self->focus_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->city_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < entries->len; i++)
    {
      KlyngeOrganisation *organisation = ((KlyngeOrgEntry *) g_ptr_array_index (entries, i))->organisation;
      const char * const *focus = klynge_organisation_get_focus_areas (organisation);
      GPtrArray *locations = klynge_organisation_get_locations (organisation);
      g_autoptr(GPtrArray) seen = g_ptr_array_new ();

      for (guint j = 0; focus != NULL && focus[j] != NULL; j++)
        count_string (areas, self->focus_counts, focus[j]);
      for (guint j = 0; j < locations->len; j++)
        {
          const char *city = klynge_location_get_city (g_ptr_array_index (locations, j));

          /* an organisation with two addresses in one city counts once */
          if (g_ptr_array_find_with_equal_func (seen, city, g_str_equal, NULL))
            continue;
          g_ptr_array_add (seen, (gpointer) city);
          count_string (cities, self->city_counts, city);
        }
    }
  self->focus_areas = strv_from_array (areas);
  self->cities = strv_from_array (cities);
}

/**
 * klynge_landscape_due_diligence:
 * @landscape: a landscape
 * @ids: (array zero-terminated=1): the ids of two or more organisations
 * @date: (nullable): the date the merger would take effect; %NULL for
 *   today. A partial date stands for its first day.
 * @error: return location for a #GError, or %NULL
 *
 * Makes the due-diligence report on merging @ids on @date; see
 * #KlyngeDueDiligence for what it holds and by which rules. Fails with
 * %KLYNGE_ERROR_TOO_FEW_PARTIES for fewer than two ids,
 * %KLYNGE_ERROR_DUPLICATE_ID when an id is given twice, and
 * %KLYNGE_ERROR_UNRESOLVED_REFERENCE or %KLYNGE_ERROR_WRONG_REFERENCE_KIND
 * when an id is not an organisation of @landscape, and with
 * %KLYNGE_ERROR_OVERFLOW when what the organisations are paid together
 * would exceed %KLYNGE_MONEY_MAX øre (the report would show a wrong
 * figure). Anything else that would block the merger is in the report's
 * problems.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
KlyngeDueDiligence *
klynge_landscape_due_diligence (KlyngeLandscape     *landscape,
                                const char * const  *ids,
                                const KlyngeDate    *date,
                                GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  KlyngeDueDiligence *self;
  guint n = 0;
  guint32 day;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (landscape), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ids != NULL)
    n = g_strv_length ((char **) ids);
  if (n < klynge_merger_kind_min_predecessors (KLYNGE_MERGER_KIND_MERGER))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_TOO_FEW_PARTIES,
                   "a due-diligence report needs at least two organisations, not %u", n);
      return NULL;
    }
  entries = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      KlyngeOrgEntry *entry;

      /* ids[j] is an organisation's, so a valid id */
      for (guint j = 0; j < i; j++)
        if (strcmp (ids[i], ids[j]) == 0)
          {
            g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                         "“%s” is named twice", ids[i]);
            return NULL;
          }
      entry = _klynge_landscape_require_org_entry (landscape, ids[i], error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  self = g_object_new (KLYNGE_TYPE_DUE_DILIGENCE, NULL);
  self->organisations = g_strdupv ((char **) ids);
  if (date != NULL && klynge_date_is_set (date))
    self->date = *date;
  else
    klynge_date_init_today (&self->date);
  day = klynge_date_get_first_day (&self->date);

  compute_members (self, landscape, entries, day);
  init_years (self, day);
  if (!compute_funding (self, landscape, error))
    {
      g_object_unref (self);
      return NULL;
    }
  compute_contracts (self, landscape, day);
  compute_coverage (self, entries);
  self->problems = klynge_landscape_check_merger_of (landscape, KLYNGE_MERGER_KIND_MERGER, NULL,
                                                     ids, &self->date);
  return self;
}

/* --- getters ------------------------------------------------------------- */

/**
 * klynge_due_diligence_get_organisations:
 * @self: a report
 *
 * Returns: (transfer none): the ids of the organisations, as given
 */
const char * const *
klynge_due_diligence_get_organisations (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return (const char * const *) self->organisations;
}

/**
 * klynge_due_diligence_get_date:
 * @self: a report
 *
 * Returns: (transfer none): the date the merger would take effect
 */
const KlyngeDate *
klynge_due_diligence_get_date (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return &self->date;
}

static int
organisation_index (KlyngeDueDiligence *self,
                    const char         *organisation)
{
  for (guint i = 0; self->organisations[i] != NULL; i++)
    if (strcmp (self->organisations[i], organisation) == 0)
      return (int) i;
  return -1;
}

/**
 * klynge_due_diligence_count_members_of:
 * @self: a report
 * @organisation: one of the report's organisations
 *
 * The known part of klynge_due_diligence_get_member_count(): a number
 * that is short of the true count when the member list is not complete.
 *
 * Returns: its distinct members recorded with a membership active on the
 *   date; 0 when @organisation is not one of the report's
 */
guint
klynge_due_diligence_count_members_of (KlyngeDueDiligence *self,
                                       const char         *organisation)
{
  int i;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  g_return_val_if_fail (organisation != NULL, 0);

  i = organisation_index (self, organisation);
  return i < 0 ? 0 : self->member_counts[i];
}

/**
 * klynge_due_diligence_get_member_count:
 * @self: a report
 * @organisation: one of the report's organisations
 * @count: (out caller-allocates): its distinct members with a membership
 *   active on the date: exact when its member list is complete, otherwise
 *   at least those recorded, or not known when none is; not known when
 *   @organisation is not one of the report's
 *
 * The members of one organisation on the date, with their certainty.
 */
void
klynge_due_diligence_get_member_count (KlyngeDueDiligence *self,
                                       const char         *organisation,
                                       KlyngeCount        *count)
{
  int i;

  g_return_if_fail (KLYNGE_IS_DUE_DILIGENCE (self));
  g_return_if_fail (organisation != NULL && count != NULL);

  i = organisation_index (self, organisation);
  if (i < 0)
    klynge_count_init (count, 0, FALSE);
  else
    klynge_count_init (count, self->member_counts[i], is_complete (self, i));
}

/**
 * klynge_due_diligence_count_combined_members:
 * @self: a report
 *
 * The known part of klynge_due_diligence_get_combined_member_count().
 *
 * Returns: the distinct members recorded of all the organisations together
 */
guint
klynge_due_diligence_count_combined_members (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  return self->combined;
}

/**
 * klynge_due_diligence_get_combined_member_count:
 * @self: a report
 * @count: (out caller-allocates): the distinct members of all the
 *   organisations together: exact only when every member list is
 *   complete
 *
 * The members a successor would start with, with their certainty.
 */
void
klynge_due_diligence_get_combined_member_count (KlyngeDueDiligence *self,
                                                KlyngeCount        *count)
{
  g_return_if_fail (KLYNGE_IS_DUE_DILIGENCE (self));
  g_return_if_fail (count != NULL);

  klynge_count_init (count, self->combined, self->all_complete);
}

/**
 * klynge_due_diligence_is_exact:
 * @self: a report
 *
 * Returns: whether every organisation's member list is complete, so that
 *   every member count of the report is exact
 */
gboolean
klynge_due_diligence_is_exact (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), FALSE);
  return self->all_complete;
}

/**
 * klynge_due_diligence_get_overlaps:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeOverlap): one row for
 *   every pair of the organisations, in the order they were given (the
 *   first with each later one, then the second, ...), pairs without shared
 *   members included. The array holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_get_overlaps (KlyngeDueDiligence *self)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);

  out = g_ptr_array_new_full (self->overlaps->len, (GDestroyNotify) klynge_overlap_unref);
  for (guint i = 0; i < self->overlaps->len; i++)
    g_ptr_array_add (out, klynge_overlap_ref (g_ptr_array_index (self->overlaps, i)));
  return out;
}

/**
 * klynge_due_diligence_list_shared_members:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeMember): the members
 *   of two or more of the organisations, in the order members were added
 *   to the landscape. The array holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_list_shared_members (KlyngeDueDiligence *self)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);

  out = g_ptr_array_new_full (self->shared_members->len, g_object_unref);
  for (guint i = 0; i < self->shared_members->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (self->shared_members, i)));
  return out;
}

/**
 * klynge_due_diligence_count_by_kind:
 * @self: a report
 * @kind: a kind of member
 *
 * The known part of klynge_due_diligence_get_kind_count().
 *
 * Returns: how many of the combined distinct members recorded are of @kind
 */
guint
klynge_due_diligence_count_by_kind (KlyngeDueDiligence *self,
                                    KlyngeMemberKind    kind)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (self->by_kind), 0);
  return self->by_kind[kind];
}

/**
 * klynge_due_diligence_get_kind_count:
 * @self: a report
 * @kind: a kind of member
 * @count: (out caller-allocates): how many of the combined distinct
 *   members are of @kind: exact only when every member list is complete
 *
 * The combined members of one kind, with their certainty.
 */
void
klynge_due_diligence_get_kind_count (KlyngeDueDiligence *self,
                                     KlyngeMemberKind    kind,
                                     KlyngeCount        *count)
{
  g_return_if_fail (KLYNGE_IS_DUE_DILIGENCE (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (self->by_kind));
  g_return_if_fail (count != NULL);

  klynge_count_init (count, self->by_kind[kind], self->all_complete);
}

/**
 * klynge_due_diligence_count_by_size:
 * @self: a report
 * @size: a size class, %KLYNGE_MEMBER_SIZE_UNKNOWN included
 *
 * The known part of klynge_due_diligence_get_size_count().
 *
 * Returns: how many of the combined distinct members recorded are of @size
 */
guint
klynge_due_diligence_count_by_size (KlyngeDueDiligence *self,
                                    KlyngeMemberSize    size)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  g_return_val_if_fail ((guint) size < G_N_ELEMENTS (self->by_size), 0);
  return self->by_size[size];
}

/**
 * klynge_due_diligence_get_size_count:
 * @self: a report
 * @size: a size class, %KLYNGE_MEMBER_SIZE_UNKNOWN included
 * @count: (out caller-allocates): how many of the combined distinct
 *   members are of @size: exact only when every member list is complete
 *
 * The combined members of one size class, with their certainty.
 */
void
klynge_due_diligence_get_size_count (KlyngeDueDiligence *self,
                                     KlyngeMemberSize    size,
                                     KlyngeCount        *count)
{
  g_return_if_fail (KLYNGE_IS_DUE_DILIGENCE (self));
  g_return_if_fail ((guint) size < G_N_ELEMENTS (self->by_size));
  g_return_if_fail (count != NULL);

  klynge_count_init (count, self->by_size[size], self->all_complete);
}

/**
 * klynge_due_diligence_get_role_count:
 * @self: a report
 * @role: a role
 * @count: (out caller-allocates): how many of the combined distinct
 *   members have @role: exact only when every member list is complete
 *
 * The combined members by their role, with their certainty. A member of
 * several of the organisations counts once, with the strongest of its
 * roles on the date (member before partner before participant), the
 * role a successor would carry on (klynge_landscape_apply_merger()).
 */
void
klynge_due_diligence_get_role_count (KlyngeDueDiligence   *self,
                                     KlyngeMembershipRole  role,
                                     KlyngeCount          *count)
{
  g_return_if_fail (KLYNGE_IS_DUE_DILIGENCE (self));
  g_return_if_fail ((guint) role < G_N_ELEMENTS (self->by_role));
  g_return_if_fail (count != NULL);

  klynge_count_init (count, self->by_role[role], self->all_complete);
}

/**
 * klynge_due_diligence_get_year_before:
 * @self: a report
 *
 * Returns: (transfer none): the year up to the day before the date
 */
const KlyngePeriod *
klynge_due_diligence_get_year_before (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return &self->before;
}

/**
 * klynge_due_diligence_get_year_after:
 * @self: a report
 *
 * Returns: (transfer none): the year from the date on
 */
const KlyngePeriod *
klynge_due_diligence_get_year_after (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return &self->after;
}

/**
 * klynge_due_diligence_get_funding_sources:
 * @self: a report
 *
 * Returns: (transfer none): the funding sources that pay any of the
 *   organisations in either year, in landscape order
 */
const char * const *
klynge_due_diligence_get_funding_sources (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return (const char * const *) self->funding_sources;
}

static gint64
funding (KlyngeDueDiligence *self,
         const char         *source,
         const gint64       *amounts,
         gint64              total)
{
  if (source == NULL)
    return total;
  for (guint i = 0; self->funding_sources[i] != NULL; i++)
    if (strcmp (self->funding_sources[i], source) == 0)
      return amounts[i];
  return 0;
}

/**
 * klynge_due_diligence_get_funding_before:
 * @self: a report
 * @source: (nullable): a funding source's id, or %NULL for all
 *
 * Returns: what @source paid the organisations together in the year
 *   before the date, in øre
 */
gint64
klynge_due_diligence_get_funding_before (KlyngeDueDiligence *self,
                                         const char         *source)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  return funding (self, source, self->funding_before, self->total_before);
}

/**
 * klynge_due_diligence_get_funding_after:
 * @self: a report
 * @source: (nullable): a funding source's id, or %NULL for all
 *
 * Returns: what @source pays the organisations together in the year from
 *   the date on, in øre
 */
gint64
klynge_due_diligence_get_funding_after (KlyngeDueDiligence *self,
                                        const char         *source)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  return funding (self, source, self->funding_after, self->total_after);
}

static guint
unknown_grants (KlyngeDueDiligence *self,
                const char         *source,
                const guint        *counts,
                guint               total)
{
  if (source == NULL)
    return total;
  for (guint i = 0; self->funding_sources[i] != NULL; i++)
    if (strcmp (self->funding_sources[i], source) == 0)
      return counts[i];
  return 0;
}

/**
 * klynge_due_diligence_get_n_unknown_before:
 * @self: a report
 * @source: (nullable): a funding source's id, or %NULL for all
 *
 * The grants of unknown amount that klynge_due_diligence_get_funding_before()
 * leaves out: contracts of the organisations with a share of @source (of
 * any source, each counted once, for %NULL) and a day in the year before
 * the date. A sum with such grants is what is known, not the whole.
 *
 * Returns: the number of such contracts
 */
guint
klynge_due_diligence_get_n_unknown_before (KlyngeDueDiligence *self,
                                           const char         *source)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  return unknown_grants (self, source, self->unknown_before, self->total_unknown_before);
}

/**
 * klynge_due_diligence_get_n_unknown_after:
 * @self: a report
 * @source: (nullable): a funding source's id, or %NULL for all
 *
 * As klynge_due_diligence_get_n_unknown_before(), for the year from the
 * date on (klynge_due_diligence_get_funding_after()).
 *
 * Returns: the number of such contracts
 */
guint
klynge_due_diligence_get_n_unknown_after (KlyngeDueDiligence *self,
                                          const char         *source)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  return unknown_grants (self, source, self->unknown_after, self->total_unknown_after);
}

static GPtrArray *
copy_objects (GPtrArray *objects)
{
  GPtrArray *out = g_ptr_array_new_full (objects->len, g_object_unref);

  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (objects, i)));
  return out;
}

/**
 * klynge_due_diligence_list_moving_contracts:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeContract): the
 *   contracts of the organisations that end on or after the date, which
 *   a merger would move to the successor, in landscape order. The array
 *   holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_list_moving_contracts (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return copy_objects (self->moving);
}

/**
 * klynge_due_diligence_list_ending_contracts:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeContract): the moving
 *   contracts that end within the year after the date, in landscape
 *   order. The array holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_list_ending_contracts (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return copy_objects (self->ending);
}

/**
 * klynge_due_diligence_get_conflicts:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeContractConflict): the
 *   pairs of moving contracts of different organisations that one funding
 *   source pays for the same days on or after the date, ordered by the
 *   contracts in landscape order and then by the first one's shares. The
 *   array holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_get_conflicts (KlyngeDueDiligence *self)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);

  out = g_ptr_array_new_full (self->conflicts->len, (GDestroyNotify) klynge_contract_conflict_unref);
  for (guint i = 0; i < self->conflicts->len; i++)
    g_ptr_array_add (out, klynge_contract_conflict_ref (g_ptr_array_index (self->conflicts, i)));
  return out;
}

static guint
count_in (GStrv       names,
          GArray     *counts,
          const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return g_array_index (counts, guint, i);
  return 0;
}

/**
 * klynge_due_diligence_get_focus_areas:
 * @self: a report
 *
 * Returns: (transfer none): the focus areas of all the organisations,
 *   each once, in the order of the organisations and their focus areas
 */
const char * const *
klynge_due_diligence_get_focus_areas (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return (const char * const *) self->focus_areas;
}

/**
 * klynge_due_diligence_count_focus_area:
 * @self: a report
 * @focus_area: a focus area
 *
 * Returns: how many of the organisations have @focus_area
 */
guint
klynge_due_diligence_count_focus_area (KlyngeDueDiligence *self,
                                       const char         *focus_area)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  g_return_val_if_fail (focus_area != NULL, 0);
  return count_in (self->focus_areas, self->focus_counts, focus_area);
}

/**
 * klynge_due_diligence_get_cities:
 * @self: a report
 *
 * Returns: (transfer none): the cities where the organisations are, each
 *   once, in the order of the organisations and their locations
 */
const char * const *
klynge_due_diligence_get_cities (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);
  return (const char * const *) self->cities;
}

/**
 * klynge_due_diligence_count_city:
 * @self: a report
 * @city: a city
 *
 * Returns: how many of the organisations have a location in @city
 */
guint
klynge_due_diligence_count_city (KlyngeDueDiligence *self,
                                 const char         *city)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), 0);
  g_return_val_if_fail (city != NULL, 0);
  return count_in (self->cities, self->city_counts, city);
}

/**
 * klynge_due_diligence_get_problems:
 * @self: a report
 *
 * Returns: (transfer container) (element-type KlyngeProblem): what would
 *   block a merger of the organisations into a new successor on the date
 *   (see klynge_landscape_check_merger_of()); empty when nothing does.
 *   The array holds a reference on each.
 */
GPtrArray *
klynge_due_diligence_get_problems (KlyngeDueDiligence *self)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);

  out = g_ptr_array_new_full (self->problems->len, (GDestroyNotify) klynge_problem_unref);
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (out, klynge_problem_ref (g_ptr_array_index (self->problems, i)));
  return out;
}

/**
 * klynge_due_diligence_is_blocked:
 * @self: a report
 *
 * Returns: whether any problem blocks the merger
 */
gboolean
klynge_due_diligence_is_blocked (KlyngeDueDiligence *self)
{
  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), FALSE);
  return self->problems->len > 0;
}

/* --- text ------------------------------------------------------------------ */

/* A count as the report prints it, right-aligned in its column. */
static void
append_count (GString *out,
              guint    counted,
              gboolean complete)
{
  KlyngeCount count;
  g_autofree char *text = NULL;

  klynge_count_init (&count, counted, complete);
  text = klynge_count_format (&count);
  g_string_append_printf (out, " %12s", text);
}

/* After a funding row: the grants of unknown amount in each year, which
 * the sums leave out. */
static void
append_unknown_grants (GString *out,
                       guint    before,
                       guint    after)
{
  if (before == 0 && after == 0)
    return;
  g_string_append_printf (out, "  plus grants of unknown amount: %u before, %u after", before, after);
}

static void
append_money (GString *out,
              gint64   ore)
{
  g_autofree char *text = klynge_money_to_grouped_string (ore);

  g_string_append_printf (out, "%18s", text);
}

/**
 * klynge_due_diligence_to_text:
 * @self: a report
 *
 * The report as text for a person to read, in sections: members, overlap,
 * shared members, members by kind and size, funding by source (in DKK,
 * thousands separated by commas), contracts, coverage and problems.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
klynge_due_diligence_to_text (KlyngeDueDiligence *self)
{
  g_autofree char *date = NULL, *before = NULL, *after = NULL;
  GString *out;
  guint width = 8;

  g_return_val_if_fail (KLYNGE_IS_DUE_DILIGENCE (self), NULL);

  date = klynge_date_to_string (&self->date);
  before = klynge_period_to_string (&self->before);
  after = klynge_period_to_string (&self->after);
  for (guint i = 0; self->organisations[i] != NULL; i++)
    width = MAX (width, strlen (self->organisations[i]));

  out = g_string_new (NULL);
  g_string_append (out, "Due diligence: ");
  for (guint i = 0; self->organisations[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", self->organisations[i]);
  g_string_append_printf (out, " on %s\n", date);
  if (self->problems->len > 0)
    g_string_append_printf (out, "Blocked: %u problem%s (see Problems)\n",
                            self->problems->len, self->problems->len == 1 ? "" : "s");
  else
    g_string_append (out, "Blocked: no\n");

  g_string_append_printf (out, "\nMembers (memberships active on %s)\n", date);
  for (guint i = 0; self->organisations[i] != NULL; i++)
    {
      g_string_append_printf (out, "  %-*s", (int) width, self->organisations[i]);
      append_count (out, self->member_counts[i], is_complete (self, i));
      if (!is_complete (self, i))
        g_string_append_printf (out, "  (member list %s)",
                                _klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_LIST, self->member_lists[i]));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "  %-*s", (int) width, "combined");
  append_count (out, self->combined, self->all_complete);
  g_string_append_c (out, '\n');

  g_string_append (out, "\nOverlap\n");
  for (guint i = 0; i < self->overlaps->len; i++)
    {
      KlyngeOverlap *overlap = g_ptr_array_index (self->overlaps, i);
      KlyngeCount shared, together;
      g_autofree char *shared_text = NULL, *together_text = NULL;

      g_string_append_printf (out, "  %s – %s: ",
                              klynge_overlap_get_a (overlap), klynge_overlap_get_b (overlap));
      if (klynge_overlap_is_exact (overlap))
        {
          g_string_append_printf (out, "%u shared of %u (Jaccard %.3f)\n",
                                  klynge_overlap_get_shared (overlap), klynge_overlap_get_union (overlap),
                                  klynge_overlap_get_jaccard (overlap));
          continue;
        }
      klynge_overlap_get_shared_count (overlap, &shared);
      klynge_overlap_get_union_count (overlap, &together);
      shared_text = klynge_count_format (&shared);
      together_text = klynge_count_format (&together);
      g_string_append_printf (out, "shared %s, together %s (Jaccard not known)\n",
                              shared_text, together_text);
    }

  g_string_append (out, self->all_complete ? "\nShared members\n" : "\nShared members (known)\n");
  if (self->shared_members->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < self->shared_members->len; i++)
    {
      KlyngeMember *member = g_ptr_array_index (self->shared_members, i);
      g_string_append_printf (out, "  %s  %s (in %u)\n",
                              klynge_record_get_id (KLYNGE_RECORD (member)),
                              klynge_member_get_name (member),
                              g_array_index (self->shared_counts, guint, i));
    }

  g_string_append (out, "\nMembers by kind\n");
  for (guint k = 0; k < G_N_ELEMENTS (self->by_kind); k++)
    {
      g_string_append_printf (out, "  %-22s", _klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_KIND, k));
      append_count (out, self->by_kind[k], self->all_complete);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "\nMembers by size\n");
  for (guint k = 0; k < G_N_ELEMENTS (self->by_size); k++)
    {
      g_string_append_printf (out, "  %-22s",
                              k == KLYNGE_MEMBER_SIZE_UNKNOWN ? "unknown" : _klynge_enum_to_nick (KLYNGE_TYPE_MEMBER_SIZE, k));
      append_count (out, self->by_size[k], self->all_complete);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "\nMembers by role\n");
  for (guint r = 0; r < G_N_ELEMENTS (self->by_role); r++)
    {
      g_string_append_printf (out, "  %-22s", _klynge_enum_to_nick (KLYNGE_TYPE_MEMBERSHIP_ROLE, r));
      append_count (out, self->by_role[r], self->all_complete);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\nFunding by source (DKK)\n  %-14s %18s %18s\n", "source", "year before", "year after");
  g_string_append_printf (out, "  %-14s %18s %18s\n", "", before, after);
  for (guint i = 0; self->funding_sources[i] != NULL; i++)
    {
      g_string_append_printf (out, "  %-14s ", self->funding_sources[i]);
      append_money (out, self->funding_before[i]);
      g_string_append_c (out, ' ');
      append_money (out, self->funding_after[i]);
      append_unknown_grants (out, self->unknown_before[i], self->unknown_after[i]);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "  %-14s ", "total");
  append_money (out, self->total_before);
  g_string_append_c (out, ' ');
  append_money (out, self->total_after);
  append_unknown_grants (out, self->total_unknown_before, self->total_unknown_after);
  g_string_append_c (out, '\n');

  g_string_append (out, "\nContracts moving to the successor\n");
  if (self->moving->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < self->moving->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->moving, i);
      g_autofree char *period = klynge_period_to_string (klynge_contract_get_period (contract));
      g_string_append_printf (out, "  %s (%s) %s%s\n", klynge_record_get_id (KLYNGE_RECORD (contract)),
                              klynge_contract_get_holder (contract), period,
                              g_ptr_array_find (self->ending, contract, NULL)
                              ? "  ends within the year after" : "");
    }
  g_string_append (out, "\nContract conflicts\n");
  if (self->conflicts->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      KlyngeContractConflict *conflict = g_ptr_array_index (self->conflicts, i);
      g_autofree char *period = klynge_period_to_string (&conflict->period);
      g_string_append_printf (out, "  %s and %s: both paid by %s for %s\n",
                              conflict->a, conflict->b, conflict->source, period);
    }

  g_string_append (out, "\nFocus areas\n");
  if (self->focus_areas[0] == NULL)
    g_string_append (out, "  none\n");
  for (guint i = 0; self->focus_areas[i] != NULL; i++)
    g_string_append_printf (out, "  %s (%u)\n", self->focus_areas[i],
                            g_array_index (self->focus_counts, guint, i));
  g_string_append (out, "\nCities\n");
  if (self->cities[0] == NULL)
    g_string_append (out, "  none\n");
  for (guint i = 0; self->cities[i] != NULL; i++)
    g_string_append_printf (out, "  %s (%u)\n", self->cities[i],
                            g_array_index (self->city_counts, guint, i));

  g_string_append (out, "\nProblems\n");
  if (self->problems->len == 0)
    g_string_append (out, "  none\n");
  for (guint i = 0; i < self->problems->len; i++)
    {
      KlyngeProblem *problem = g_ptr_array_index (self->problems, i);
      g_string_append_printf (out, "  %s\n", klynge_problem_get_message (problem));
    }
  return g_string_free (out, FALSE);
}
