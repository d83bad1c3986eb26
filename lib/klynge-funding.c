/* klynge-funding.c: what each funding source pays, exactly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every amount here comes from one rule, applied to each share of each
 * contract: the share's part of the contract total
 * (klynge_contract_share_amount(), largest remainders), then that part
 * pro-rated by days over the contract period (klynge_period_prorate_days(),
 * cumulative floors). Both steps split exactly, so any grouping of the
 * parts sums to the contract totals, and the amount for a range of days
 * is the same whichever split of a longer range it is read from.
 */
#include "config.h"

#include <string.h>

#include "klynge-landscape-private.h"

/**
 * SECTION:klynge-funding
 * @title: Funding
 * @short_description: what each funding source pays each holder, exactly
 *
 * The funding queries of a #KlyngeLandscape: totals grouped by funding
 * source, holder, calendar year, kind of holder organisation or the role
 * the holder was designated in on the days paid for, what a
 * source pays a holder over any period, the contracts active on a date,
 * and the chains that contracts form through their `renews` reference.
 *
 * All amounts are exact integers of øre. A source's amount in a contract
 * is its share of the contract total, klynge_contract_share_amount(); the
 * part of it that falls in a range of days is pro-rated over the contract
 * period with klynge_period_prorate(). The parts of any split of a
 * period sum to the whole, none is negative, and the part for a range of
 * days never depends on how the rest of the period is split: so the
 * yearly totals sum to the contract amounts, and a query for 2020 agrees
 * with the 2020 row of a query for 2019–2021.
 */

G_DEFINE_FLAGS_TYPE (KlyngeFundingGrouping, klynge_funding_grouping,
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_BY_SOURCE, "source"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_BY_HOLDER, "holder"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_BY_YEAR, "year"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_BY_KIND, "kind"),
  G_DEFINE_ENUM_VALUE (KLYNGE_FUNDING_BY_DESIGNATION, "designation"))

#define ALL_GROUPINGS (KLYNGE_FUNDING_BY_SOURCE | KLYNGE_FUNDING_BY_HOLDER | \
                       KLYNGE_FUNDING_BY_YEAR | KLYNGE_FUNDING_BY_KIND | \
                       KLYNGE_FUNDING_BY_DESIGNATION)

/* No organisation kind: the row is not grouped by kind. */
#define NO_KIND (-1)
/* The row is not grouped by designation; and, when it is, days on which
 * the holder had no designation (sorting before every role). */
#define NO_ROLE (-2)
#define ROLE_NONE (-1)
/* Records the landscape does not hold sort after those it does. */
#define NOT_LISTED G_MAXUINT

struct _KlyngeFundingTotal
{
  gatomicrefcount ref_count;
  char *source;       /* NULL unless grouped by source */
  char *holder;       /* NULL unless grouped by holder */
  guint year;         /* 0 unless grouped by year */
  int kind;           /* KlyngeOrganisationKind, or NO_KIND */
  int role;           /* KlyngeDesignationRole, ROLE_NONE or NO_ROLE */
  gint64 amount;
  guint n_unknown;    /* contracts of unknown amount in the row */
};

G_DEFINE_BOXED_TYPE (KlyngeFundingTotal, klynge_funding_total,
                     klynge_funding_total_ref, klynge_funding_total_unref)

/**
 * klynge_funding_total_ref:
 * @total: a funding total
 *
 * Returns: (transfer full): @total
 */
KlyngeFundingTotal *
klynge_funding_total_ref (KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, NULL);

  g_atomic_ref_count_inc (&total->ref_count);
  return total;
}

/**
 * klynge_funding_total_unref:
 * @total: (transfer full): a funding total
 *
 * Drops a reference; the last one frees @total.
 */
void
klynge_funding_total_unref (KlyngeFundingTotal *total)
{
  g_return_if_fail (total != NULL);

  if (g_atomic_ref_count_dec (&total->ref_count))
    {
      g_free (total->source);
      g_free (total->holder);
      g_free (total);
    }
}

/**
 * klynge_funding_total_get_source:
 * @total: a funding total
 *
 * Returns: (nullable): the id of the funding source, or %NULL when the
 *   totals were not grouped by %KLYNGE_FUNDING_BY_SOURCE
 */
const char *
klynge_funding_total_get_source (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, NULL);

  return total->source;
}

/**
 * klynge_funding_total_get_holder:
 * @total: a funding total
 *
 * Returns: (nullable): the id of the organisation holding the contracts,
 *   or %NULL when the totals were not grouped by %KLYNGE_FUNDING_BY_HOLDER
 */
const char *
klynge_funding_total_get_holder (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, NULL);

  return total->holder;
}

/**
 * klynge_funding_total_get_year:
 * @total: a funding total
 *
 * Returns: the calendar year, or 0 when the totals were not grouped by
 *   %KLYNGE_FUNDING_BY_YEAR
 */
guint
klynge_funding_total_get_year (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, 0);

  return total->year;
}

/**
 * klynge_funding_total_get_kind_name:
 * @total: a funding total
 *
 * The kind of the holder organisations as it is written in XML
 * (`cluster`, `innovation-network`, `support-body`, `agency`, `other`).
 *
 * Returns: (nullable): the kind's name, or %NULL when the totals were not
 *   grouped by %KLYNGE_FUNDING_BY_KIND
 */
const char *
klynge_funding_total_get_kind_name (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, NULL);

  if (total->kind == NO_KIND)
    return NULL;
  return _klynge_enum_to_nick (KLYNGE_TYPE_ORGANISATION_KIND, total->kind);
}

/**
 * klynge_funding_total_get_designation_role_name:
 * @total: a funding total
 *
 * The role the holder was designated in on the row's days, as it is
 * written in XML (`national-cluster`, `other`, …), or `none` for days on
 * which no designation of the holder was certainly in force (see
 * klynge_designation_is_active_on()). When the holder had several
 * designations on a day, the first in the landscape's order (programmes
 * in order, each programme's designations in order) gives the role.
 *
 * Returns: (nullable): the role's name or `none`, or %NULL when the
 *   totals were not grouped by %KLYNGE_FUNDING_BY_DESIGNATION
 */
const char *
klynge_funding_total_get_designation_role_name (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, NULL);

  if (total->role == NO_ROLE)
    return NULL;
  if (total->role == ROLE_NONE)
    return "none";
  return _klynge_enum_to_nick (KLYNGE_TYPE_DESIGNATION_ROLE, total->role);
}

/**
 * klynge_funding_total_get_amount:
 * @total: a funding total
 *
 * Returns: the amount in øre, at least 0
 */
gint64
klynge_funding_total_get_amount (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, 0);

  return total->amount;
}

/**
 * klynge_funding_total_get_n_unknown:
 * @total: a funding total
 *
 * How many contracts of unknown amount (klynge_contract_has_amount())
 * have days in the row: its amount leaves them out, so the row reads
 * "amount, plus N grants of unknown amount". Each such contract counts
 * once in each row it has days in, whatever its number of shares.
 *
 * Returns: the number of contracts of unknown amount in the row
 */
guint
klynge_funding_total_get_n_unknown (const KlyngeFundingTotal *total)
{
  g_return_val_if_fail (total != NULL, 0);

  return total->n_unknown;
}

/* --- days ---------------------------------------------------------------- */

/* The days of @within; a NULL @within, or an unset start or end, is open
 * on that side. FALSE when no day is left. */
static gboolean
within_days (const KlyngePeriod *within,
             guint32            *first,
             guint32            *last)
{
  *first = 0;
  *last = G_MAXUINT32;
  if (within == NULL)
    return TRUE;
  if (klynge_date_is_set (&within->start))
    *first = klynge_date_get_first_day (&within->start);
  if (klynge_date_is_set (&within->end))
    *last = klynge_date_get_last_day (&within->end);
  return *first <= *last;
}

/* The days of @contract's period that lie in first..last; FALSE when none
 * do (or the contract has no period). */
static gboolean
contract_days (KlyngeContract *contract,
               guint32         first,
               guint32         last,
               guint32        *a,
               guint32        *b)
{
  const KlyngePeriod *period = klynge_contract_get_period (contract);
  guint32 start = klynge_period_get_first_day (period);
  guint32 end = klynge_period_get_last_day (period);

  if (start == 0 || end == 0 || start > end)
    return FALSE;
  *a = MAX (start, first);
  *b = MIN (end, last);
  return *a <= *b;
}

/* Whether @contract is held by @holder (any when NULL), has a share of
 * @source (any when NULL) and days in first..last, which it sets a..b to. */
static gboolean
contract_pays (KlyngeContract *contract,
               const char     *source,
               const char     *holder,
               guint32         first,
               guint32         last,
               guint32        *a,
               guint32        *b)
{
  GPtrArray *shares;

  if (holder != NULL && g_strcmp0 (holder, klynge_contract_get_holder (contract)) != 0)
    return FALSE;
  if (!contract_days (contract, first, last, a, b))
    return FALSE;
  if (source == NULL)
    return TRUE;
  shares = klynge_contract_get_shares (contract);
  for (guint s = 0; s < shares->len; s++)
    if (strcmp (source, klynge_share_get_source (g_ptr_array_index (shares, s))) == 0)
      return TRUE;
  return FALSE;
}

static guint
year_of_day (guint32 day)
{
  KlyngeDate date;

  klynge_date_init_from_day (&date, day);
  return date.year;
}

static guint32
last_day_of_year (guint year)
{
  KlyngeDate date = { .year = year };

  return klynge_date_get_last_day (&date);
}

/* --- totals --------------------------------------------------------------- */

/* One share's part in one year (or in the whole range), before grouping;
 * the keys of dimensions not grouped by are zero. */
typedef struct {
  guint year;
  guint source_rank;
  guint holder_rank;
  int kind;
  int role;
  const char *source;   /* owned by the contracts */
  const char *holder;
  gint64 amount;
  guint unknown;        /* 1 for a contract of unknown amount, amount 0 */
} Part;

int
_klynge_funding_compare_ranked (guint       rank_a,
                                const char *id_a,
                                guint       rank_b,
                                const char *id_b)
{
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if (rank_a == NOT_LISTED)
    return g_strcmp0 (id_a, id_b);
  return 0;
}

static int
compare_parts (gconstpointer pa,
               gconstpointer pb)
{
  const Part *a = pa, *b = pb;
  int c;

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if ((c = _klynge_funding_compare_ranked (a->source_rank, a->source, b->source_rank, b->source)) != 0)
    return c;
  if ((c = _klynge_funding_compare_ranked (a->holder_rank, a->holder, b->holder_rank, b->holder)) != 0)
    return c;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->role != b->role)
    return a->role < b->role ? -1 : 1;
  return 0;
}

GHashTable *
_klynge_funding_source_ranks (KlyngeLandscape *self)
{
  GHashTable *ranks = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->funding_sources->len; i++)
    g_hash_table_insert (ranks,
                         (gpointer) klynge_record_get_id (g_ptr_array_index (self->funding_sources, i)),
                         GUINT_TO_POINTER (i + 1));
  return ranks;
}

guint
_klynge_funding_source_rank (GHashTable *ranks,
                             const char *source)
{
  guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, source));

  return rank == 0 ? NOT_LISTED : rank - 1;
}

/* The holder's position among organisations and its kind; a holder the
 * landscape does not hold (a contract edited after it was added) sorts
 * last and counts as "other". */
static void
holder_info (KlyngeLandscape *self,
             const char      *holder,
             guint           *rank,
             int             *kind)
{
  KlyngeOrgEntry *entry = holder != NULL ? _klynge_landscape_get_org_entry (self, holder) : NULL;

  if (entry == NULL)
    {
      *rank = NOT_LISTED;
      *kind = KLYNGE_ORGANISATION_KIND_OTHER;
      return;
    }
  *rank = entry->index;
  *kind = klynge_organisation_get_kind (entry->organisation);
}

/* --- designations ---------------------------------------------------------- */

/* The days one designation is certainly in force, and its role. */
typedef struct {
  guint32 first;
  guint32 last;
  KlyngeDesignationRole role;
} RoleDays;

/* Organisation id → GArray of RoleDays in the landscape's order of
 * designations, which decides between two on one day. Built only when
 * the totals are grouped by designation. */
static GHashTable *
role_days_by_organisation (KlyngeLandscape *self)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->programmes->len; i++)
    {
      GPtrArray *designations = klynge_programme_get_designations (g_ptr_array_index (self->programmes, i));

      for (guint j = 0; j < designations->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (designations, j);
          const char *organisation = klynge_designation_get_organisation (designation);
          RoleDays days = { .role = klynge_designation_get_role (designation) };
          GArray *list;

          if (organisation == NULL ||
              !_klynge_designation_get_days (designation, &days.first, &days.last))
            continue;
          list = g_hash_table_lookup (table, organisation);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (RoleDays));
              g_hash_table_insert (table, (gpointer) organisation, list);
            }
          g_array_append_val (list, days);
        }
    }
  return table;
}

/* The role @list gives @day (ROLE_NONE when no designation covers it),
 * and the last day from @day on with the same role, at most @end. */
static int
role_on_day (GArray  *list,
             guint32  day,
             guint32 *end)
{
  int role = ROLE_NONE;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const RoleDays *d = &g_array_index (list, RoleDays, i);

      if (d->first > day)
        *end = MIN (*end, d->first - 1);
      else if (d->last >= day)
        {
          if (role == ROLE_NONE)
            role = d->role;
          *end = MIN (*end, d->last);
        }
    }
  return role;
}

/* Whether @parts from @from on already hold a part with @part's keys. */
static gboolean
has_part (GArray     *parts,
          guint       from,
          const Part *part)
{
  for (guint i = from; i < parts->len; i++)
    if (compare_parts (&g_array_index (parts, Part, i), part) == 0)
      return TRUE;
  return FALSE;
}

/**
 * klynge_landscape_funding_totals:
 * @self: a landscape
 * @grouping: the keys to group by; 0 for one grand total
 * @within: (nullable): the period to count, or %NULL for all time; an
 *   unset (zero-filled) start or end leaves that side open
 *
 * What the funding sources pay, grouped by any combination of source,
 * holder, calendar year, kind of holder organisation and designation.
 * Each share of
 * each contract contributes its amount (klynge_contract_share_amount())
 * pro-rated by days over the contract period with klynge_period_prorate():
 * for a year, the days of the year in the contract period; with @within,
 * only the days in @within as well. So the rows of any grouping sum to
 * the same total, the totals without @within sum to the contract amounts,
 * and the rows for a sub-period agree with any query whose period
 * contains it.
 *
 * Grouped by %KLYNGE_FUNDING_BY_DESIGNATION, a share's days are split
 * further where the holder's designations begin and end, so each row
 * holds the days paid for while the holder was designated in one role
 * (or in none): a holder designated a national cluster from 2021-01-01
 * with a contract for 2020-07-01..2021-06-30 has its 2020 days under
 * `none` and its 2021 days under `national-cluster`. A designation
 * counts only on the days it certainly covers, as
 * klynge_designation_is_active_on() says; on a day with several, the
 * first in the landscape's order decides
 * (klynge_funding_total_get_designation_role_name()).
 *
 * A contract of unknown amount (klynge_contract_has_amount()) adds
 * nothing to a row's amount: it is counted in the row instead
 * (klynge_funding_total_get_n_unknown()), once per row it has days in.
 *
 * There is a row for every combination of keys that some share of some
 * contract has at least one day in (so a row's amount may be 0, for a
 * 0 % share say); without @grouping there is exactly one row, the grand
 * total, even in a landscape without contracts. Rows are sorted by year,
 * then source and holder in the order the landscape lists them, then kind
 * in the order of #KlyngeOrganisationKind, then designation: `none`
 * first, then the roles in the order of #KlyngeDesignationRole. A row's keys that were not
 * grouped by are %NULL (or 0 for the year).
 *
 * A row whose amount would exceed %KLYNGE_MONEY_MAX øre cannot be
 * given: then there are no rows at all (%NULL);
 * klynge_landscape_funding_totals_checked() says so with an error.
 *
 * Returns: (transfer container) (element-type KlyngeFundingTotal) (nullable):
 *   the rows, or %NULL when a total is too large to represent
 */
GPtrArray *
klynge_landscape_funding_totals (KlyngeLandscape       *self,
                                 KlyngeFundingGrouping  grouping,
                                 const KlyngePeriod    *within)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail ((grouping & ~ALL_GROUPINGS) == 0, NULL);

  return klynge_landscape_funding_totals_checked (self, grouping, within, NULL);
}

/**
 * klynge_landscape_funding_totals_checked:
 * @self: a landscape
 * @grouping: the keys to group by; 0 for one grand total
 * @within: (nullable): the period to count, or %NULL for all time; an
 *   unset (zero-filled) start or end leaves that side open
 * @error: return location for a #GError, or %NULL
 *
 * As klynge_landscape_funding_totals(), but says why there are no rows:
 * with %KLYNGE_ERROR_OVERFLOW when a row's amount would exceed
 * %KLYNGE_MONEY_MAX øre (two contracts of the largest amount, say).
 *
 * Returns: (transfer container) (element-type KlyngeFundingTotal): the
 *   rows, or %NULL with @error set
 */
GPtrArray *
klynge_landscape_funding_totals_checked (KlyngeLandscape       *self,
                                         KlyngeFundingGrouping  grouping,
                                         const KlyngePeriod    *within,
                                         GError               **error)
{
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GHashTable) ranks = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) role_days = NULL;
  guint32 first, last;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail ((grouping & ~ALL_GROUPINGS) == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_funding_total_unref);
  parts = g_array_new (FALSE, TRUE, sizeof (Part));
  ranks = _klynge_funding_source_ranks (self);
  if (grouping & KLYNGE_FUNDING_BY_DESIGNATION)
    role_days = role_days_by_organisation (self);

  if (within_days (within, &first, &last))
    for (guint i = 0; i < self->contracts->len; i++)
      {
        KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
        const KlyngePeriod *period = klynge_contract_get_period (contract);
        const char *holder = klynge_contract_get_holder (contract);
        GPtrArray *shares = klynge_contract_get_shares (contract);
        GArray *holder_roles = NULL;
        guint32 a, b;
        guint holder_rank;
        int kind;

        if (!contract_days (contract, first, last, &a, &b))
          continue;
        holder_info (self, holder, &holder_rank, &kind);
        if (role_days != NULL && holder != NULL)
          holder_roles = g_hash_table_lookup (role_days, holder);

        for (guint s = 0; s < shares->len; s++)
          {
            const char *source = klynge_share_get_source (g_ptr_array_index (shares, s));
            gint64 amount = klynge_contract_share_amount (contract, source);
            Part part = { 0, };
            guint32 day = a;
            guint share_parts = parts->len;

            /* a grant of unknown amount counts once per row: per share
             * only when the rows tell sources apart */
            if (amount < 0 && s > 0 && !(grouping & KLYNGE_FUNDING_BY_SOURCE))
              break;
            part.unknown = amount < 0;

            if (grouping & KLYNGE_FUNDING_BY_SOURCE)
              {
                part.source = source;
                part.source_rank = _klynge_funding_source_rank (ranks, source);
              }
            if (grouping & KLYNGE_FUNDING_BY_HOLDER)
              {
                part.holder = holder;
                part.holder_rank = holder_rank;
              }
            part.kind = (grouping & KLYNGE_FUNDING_BY_KIND) ? kind : NO_KIND;
            part.role = NO_ROLE;

            /* one part per calendar year and stretch of one designation
             * role, or one for all of a..b */
            while (day <= b)
              {
                guint32 end = b;

                if (grouping & KLYNGE_FUNDING_BY_YEAR)
                  {
                    part.year = year_of_day (day);
                    end = MIN (b, last_day_of_year (part.year));
                  }
                if (grouping & KLYNGE_FUNDING_BY_DESIGNATION)
                  part.role = role_on_day (holder_roles, day, &end);
                part.amount = amount < 0 ? 0 : klynge_period_prorate_days (period, amount, day, end);
                /* a role may come back within a year: count a grant of
                 * unknown amount once in its row all the same */
                if (!(part.unknown && (grouping & KLYNGE_FUNDING_BY_DESIGNATION) &&
                      has_part (parts, share_parts, &part)))
                  g_array_append_val (parts, part);
                if (end == G_MAXUINT32)
                  break;
                day = end + 1;
              }
          }
      }

  if (grouping == 0 && parts->len == 0)
    {
      Part none = { .kind = NO_KIND, .role = NO_ROLE };

      g_array_append_val (parts, none);
    }

  g_array_sort (parts, compare_parts);

  for (guint i = 0; i < parts->len; )
    {
      const Part *key = &g_array_index (parts, Part, i);
      KlyngeFundingTotal *total = g_new0 (KlyngeFundingTotal, 1);

      g_atomic_ref_count_init (&total->ref_count);
      total->source = g_strdup (key->source);
      total->holder = g_strdup (key->holder);
      total->year = key->year;
      total->kind = key->kind;
      total->role = key->role;
      g_ptr_array_add (rows, total);
      /* parts are each at most KLYNGE_MONEY_MAX, but their sum need not
       * be: refuse rather than give a wrapped figure */
      for (; i < parts->len && compare_parts (key, &g_array_index (parts, Part, i)) == 0; i++)
        {
          if (!_klynge_money_add (&total->amount, g_array_index (parts, Part, i).amount,
                                  "funding totals", error))
            return NULL;
          total->n_unknown += g_array_index (parts, Part, i).unknown;
        }
    }

  return g_steal_pointer (&rows);
}

/**
 * klynge_landscape_funding_paid:
 * @self: a landscape
 * @source: (nullable): the id of a funding source, or %NULL for all
 * @holder: (nullable): the id of a contract holder, or %NULL for all
 * @within: (nullable): the period to count, or %NULL for all time; an
 *   unset (zero-filled) start or end leaves that side open
 *
 * What @source pays @holder over @within, in øre: the sum over their
 * contracts of the source's share amount pro-rated by days over the
 * contract period, as klynge_landscape_funding_totals() counts it. With
 * the CED contract of DKK 8,000,000.00 for `2019-10-01..2021-09-30` at
 * 50/50, `siu` pays `ced` 400000000 øre in all and 200273598 in 2020.
 *
 * Contracts of unknown amount are not in the sum;
 * klynge_landscape_funding_count_unknown() with the same arguments says
 * how many were left out.
 *
 * A sum above %KLYNGE_MONEY_MAX øre cannot be given: then the result is
 * -1, which no amount is; klynge_landscape_funding_paid_checked() says so
 * with an error.
 *
 * Returns: the amount in øre; 0 when nothing is paid; -1 when the sum is
 *   too large to represent
 */
gint64
klynge_landscape_funding_paid (KlyngeLandscape    *self,
                               const char         *source,
                               const char         *holder,
                               const KlyngePeriod *within)
{
  gint64 paid;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);

  if (!klynge_landscape_funding_paid_checked (self, source, holder, within, &paid, NULL))
    return -1;
  return paid;
}

/**
 * klynge_landscape_funding_paid_checked:
 * @self: a landscape
 * @source: (nullable): the id of a funding source, or %NULL for all
 * @holder: (nullable): the id of a contract holder, or %NULL for all
 * @within: (nullable): the period to count, or %NULL for all time; an
 *   unset (zero-filled) start or end leaves that side open
 * @paid: (out): return location for the amount in øre
 * @error: return location for a #GError, or %NULL
 *
 * As klynge_landscape_funding_paid(), but says why there is no amount:
 * with %KLYNGE_ERROR_OVERFLOW when the sum would exceed %KLYNGE_MONEY_MAX
 * øre (two contracts of the largest amount from one source, say).
 *
 * Returns: (skip): %TRUE with @paid set; %FALSE with @error set and @paid
 *   0 (bindings return @paid or raise)
 */
gboolean
klynge_landscape_funding_paid_checked (KlyngeLandscape     *self,
                                       const char          *source,
                                       const char          *holder,
                                       const KlyngePeriod  *within,
                                       gint64              *paid,
                                       GError             **error)
{
  guint32 first, last;
  gint64 sum = 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (paid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *paid = 0;
  if (!within_days (within, &first, &last))
    return TRUE;

  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
      const KlyngePeriod *period = klynge_contract_get_period (contract);
      GPtrArray *shares;
      guint32 a, b;

      if (!contract_pays (contract, source, holder, first, last, &a, &b))
        continue;
      if (!klynge_contract_has_amount (contract))
        continue;   /* counted by klynge_landscape_funding_count_unknown() */

      shares = klynge_contract_get_shares (contract);
      for (guint s = 0; s < shares->len; s++)
        {
          const char *id = klynge_share_get_source (g_ptr_array_index (shares, s));

          if (source != NULL && strcmp (source, id) != 0)
            continue;
          /* each part is at most its contract's amount; their sum need not be */
          if (!_klynge_money_add (&sum,
                                  klynge_period_prorate_days (period,
                                                              klynge_contract_share_amount (contract, id),
                                                              a, b),
                                  "funding paid", error))
            return FALSE;
        }
    }

  *paid = sum;
  return TRUE;
}

/**
 * klynge_landscape_funding_count_unknown:
 * @self: a landscape
 * @source: (nullable): the id of a funding source, or %NULL for all
 * @holder: (nullable): the id of a contract holder, or %NULL for all
 * @within: (nullable): the period to count, or %NULL for all time; an
 *   unset (zero-filled) start or end leaves that side open
 *
 * How many contracts that klynge_landscape_funding_paid() with the same
 * arguments leaves out because their amount is not known: those held by
 * @holder, with a share of @source, and at least one day in @within. So
 * a sum reads "paid, plus N grants of unknown amount" and never adds an
 * unknown amount as 0.
 *
 * Returns: the number of contracts of unknown amount
 */
guint
klynge_landscape_funding_count_unknown (KlyngeLandscape    *self,
                                        const char         *source,
                                        const char         *holder,
                                        const KlyngePeriod *within)
{
  guint32 first, last, a, b;
  guint n = 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);

  if (!within_days (within, &first, &last))
    return 0;
  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);

      if (!klynge_contract_has_amount (contract)
          && contract_pays (contract, source, holder, first, last, &a, &b))
        n++;
    }
  return n;
}

/* --- contracts in time ------------------------------------------------------ */

/**
 * klynge_landscape_contracts_active_on:
 * @self: a landscape
 * @date: a date; a partial date stands for its first day
 *
 * Returns: (transfer container) (element-type KlyngeContract): the
 *   contracts whose period contains @date, in the order the landscape
 *   lists them
 */
GPtrArray *
klynge_landscape_contracts_active_on (KlyngeLandscape  *self,
                                      const KlyngeDate *date)
{
  GPtrArray *active;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (date != NULL && klynge_date_is_set (date), NULL);

  active = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);

      if (klynge_period_contains (klynge_contract_get_period (contract), date))
        g_ptr_array_add (active, g_object_ref (contract));
    }
  return active;
}

/* The contract @id names, or NULL. */
static KlyngeContract *
lookup_contract (KlyngeLandscape *self,
                 const char      *id)
{
  KlyngeRecord *record = id != NULL ? klynge_landscape_lookup (self, id) : NULL;

  return record != NULL && KLYNGE_IS_CONTRACT (record) ? KLYNGE_CONTRACT (record) : NULL;
}

typedef struct {
  KlyngeContract *contract;
  guint32 first;
  guint32 last;
  guint index;
} ChainLink;

static int
compare_links (gconstpointer pa,
               gconstpointer pb)
{
  const ChainLink *a = pa, *b = pb;

  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->last != b->last)
    return a->last < b->last ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/**
 * klynge_landscape_contract_chain:
 * @self: a landscape
 * @contract: the id of a contract
 *
 * The renewal chain that @contract belongs to: the contracts it renews,
 * directly or through others, the contracts that renew it or its
 * renewals, and itself. They are sorted in time order: by first day, then
 * last day, then the order the landscape lists them. For CED,
 * `ced-2019` and `ced-2021` (which renews it) form one chain, whichever of
 * the two is asked about. A chain that loops back on itself (which
 * klynge_landscape_validate() reports) is followed once round.
 *
 * Returns: (transfer container) (element-type KlyngeContract): the
 *   chain; empty when @contract names no contract
 */
GPtrArray *
klynge_landscape_contract_chain (KlyngeLandscape *self,
                                 const char      *contract)
{
  g_autoptr(GHashTable) renewals = NULL;   /* id → GPtrArray of indexes */
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  KlyngeContract *root;
  GPtrArray *chain;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (contract != NULL, NULL);

  chain = g_ptr_array_new_with_free_func (g_object_unref);
  root = lookup_contract (self, contract);
  if (root == NULL)
    return chain;

  /* back to the first contract */
  seen = g_hash_table_new (NULL, NULL);
  g_hash_table_add (seen, root);
  for (;;)
    {
      KlyngeContract *previous = lookup_contract (self, klynge_contract_get_renews (root));

      if (previous == NULL || g_hash_table_contains (seen, previous))
        break;
      g_hash_table_add (seen, previous);
      root = previous;
    }

  /* forward through everything that renews it */
  renewals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *c = g_ptr_array_index (self->contracts, i);
      const char *renews = klynge_contract_get_renews (c);
      GPtrArray *list;

      if (renews == NULL)
        continue;
      list = g_hash_table_lookup (renewals, renews);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (renewals, (gpointer) renews, list);
        }
      g_ptr_array_add (list, GUINT_TO_POINTER (i));
    }

  g_hash_table_remove_all (seen);
  links = g_array_new (FALSE, FALSE, sizeof (ChainLink));
  queue = g_ptr_array_new ();
  g_ptr_array_add (queue, root);
  g_hash_table_add (seen, root);
  for (guint q = 0; q < queue->len; q++)
    {
      KlyngeContract *c = g_ptr_array_index (queue, q);
      GPtrArray *list = g_hash_table_lookup (renewals, klynge_record_get_id (KLYNGE_RECORD (c)));
      ChainLink link = { c,
                         klynge_period_get_first_day (klynge_contract_get_period (c)),
                         klynge_period_get_last_day (klynge_contract_get_period (c)),
                         0 };

      g_ptr_array_find (self->contracts, c, &link.index);
      g_array_append_val (links, link);

      for (guint r = 0; list != NULL && r < list->len; r++)
        {
          KlyngeContract *next = g_ptr_array_index (self->contracts,
                                                    GPOINTER_TO_UINT (g_ptr_array_index (list, r)));

          if (!g_hash_table_contains (seen, next))
            {
              g_hash_table_add (seen, next);
              g_ptr_array_add (queue, next);
            }
        }
    }

  g_array_sort (links, compare_links);
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (chain, g_object_ref (g_array_index (links, ChainLink, i).contract));
  return chain;
}

static char *
days_to_string (guint32 first,
                guint32 last)
{
  KlyngePeriod period;

  klynge_period_init_days (&period, first, last);
  return klynge_period_to_string (&period);
}

/* Checks the link from @previous to @renewal, its renewal. */
static KlyngeProblem *
check_link (KlyngeContract *previous,
            KlyngeContract *renewal)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (renewal));
  const char *previous_id = klynge_record_get_id (KLYNGE_RECORD (previous));
  const KlyngePeriod *p = klynge_contract_get_period (previous);
  const KlyngePeriod *r = klynge_contract_get_period (renewal);
  guint32 p_first = klynge_period_get_first_day (p), p_last = klynge_period_get_last_day (p);
  guint32 r_first = klynge_period_get_first_day (r), r_last = klynge_period_get_last_day (r);
  g_autofree char *p_text = klynge_period_to_string (p);
  g_autofree char *r_text = klynge_period_to_string (r);
  g_autofree char *between = NULL;
  g_autofree char *message = NULL;
  int code;

  if (p_first == 0 || r_first == 0)
    return NULL;

  if (r_first > p_last && r_first - p_last > 1)
    {
      guint32 n = r_first - p_last - 1;

      code = KLYNGE_ERROR_CONTRACT_GAP;
      between = days_to_string (p_last + 1, r_first - 1);
      message = g_strdup_printf ("contract “%s” (%s) renews “%s” (%s) with a gap: "
                                 "no contract covers %s (%u %s)",
                                 id, r_text, previous_id, p_text, between,
                                 n, n == 1 ? "day" : "days");
    }
  else if (r_first <= p_last && r_last >= p_first)
    {
      guint32 a = MAX (p_first, r_first), b = MIN (p_last, r_last);

      code = KLYNGE_ERROR_CONTRACT_OVERLAP;
      between = days_to_string (a, b);
      message = g_strdup_printf ("contract “%s” (%s) overlaps “%s” (%s), which it renews: "
                                 "both cover %s (%u %s)",
                                 id, r_text, previous_id, p_text, between,
                                 b - a + 1, b == a ? "day" : "days");
    }
  else if (r_last < p_first)
    {
      code = KLYNGE_ERROR_INCONSISTENT;
      message = g_strdup_printf ("contract “%s” (%s) ends before “%s” (%s), which it renews, starts",
                                 id, r_text, previous_id, p_text);
    }
  else
    return NULL;

  return klynge_problem_new (code, NULL, klynge_record_get_line (KLYNGE_RECORD (renewal)), 0,
                             id, message);
}

/**
 * klynge_landscape_check_contract_chains:
 * @self: a landscape
 * @holder: (nullable): the id of an organisation, or %NULL for all
 *
 * Checks every renewal in the contract chains of @holder (or of all
 * holders): each contract that renews another should start the day after
 * the other ends. A renewal that starts later leaves a gap
 * (%KLYNGE_ERROR_CONTRACT_GAP); one that starts on or before the other's
 * last day overlaps it (%KLYNGE_ERROR_CONTRACT_OVERLAP); one that ends
 * before the other starts is %KLYNGE_ERROR_INCONSISTENT. Each problem
 * concerns the renewing contract (its id and, for a loaded landscape, its
 * line) and its message names both contracts, their periods and the days
 * of the gap or overlap.
 *
 * A renewal counts as @holder's when either contract is held by @holder,
 * so a contract that moved to a merger's successor is still checked
 * against the predecessor's contract it renews. Renewals that name no
 * contract and chains that loop are left to klynge_landscape_validate().
 *
 * Returns: (transfer container) (element-type KlyngeProblem): the
 *   problems, in the order the landscape lists the renewing contracts;
 *   empty when the chains are continuous
 */
GPtrArray *
klynge_landscape_check_contract_chains (KlyngeLandscape *self,
                                        const char      *holder)
{
  GPtrArray *problems;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *renewal = g_ptr_array_index (self->contracts, i);
      KlyngeContract *previous = lookup_contract (self, klynge_contract_get_renews (renewal));
      KlyngeProblem *problem;

      if (previous == NULL || previous == renewal)
        continue;
      if (holder != NULL
          && g_strcmp0 (holder, klynge_contract_get_holder (renewal)) != 0
          && g_strcmp0 (holder, klynge_contract_get_holder (previous)) != 0)
        continue;

      problem = check_link (previous, renewal);
      if (problem != NULL)
        g_ptr_array_add (problems, problem);
    }
  return problems;
}
