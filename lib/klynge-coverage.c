/* klynge-coverage.c: the envelopes of programmes per source and year, and
 * how much of them the recorded contracts cover
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Envelopes and contracts are pro-rated by days with the one rule of
 * klynge_period_prorate() (cumulative floors), so the yearly parts of an
 * envelope or of a contract share sum to it exactly, and every sum goes
 * through the checked _klynge_money_add().
 */
#include "config.h"

#include <string.h>

#include "klynge-landscape-private.h"

/**
 * SECTION:klynge-coverage
 * @title: Coverage
 * @short_description: envelopes against the contracts recorded for them
 *
 * A programme's envelopes say what each funding source planned to spend
 * through it; contracts that name the programme record what was granted.
 * klynge_landscape_envelope_in_year() gives the planned amount of a
 * source in a calendar year, and klynge_landscape_coverage() sets the
 * two side by side per source and year, so that a reader sees how much
 * of a funder's spending the landscape actually holds before trusting a
 * funding total. All amounts are exact øre; the ratio is left to the
 * reader, or formatted exactly by klynge_coverage_format_ratio().
 */

struct _KlyngeCoverage
{
  gatomicrefcount ref_count;
  char *source;
  char *programme;      /* NULL: all programmes */
  guint year;
  gint64 envelope;
  gint64 recorded;
  guint n_unknown_amounts;
};

G_DEFINE_BOXED_TYPE (KlyngeCoverage, klynge_coverage, klynge_coverage_ref, klynge_coverage_unref)

/**
 * klynge_coverage_ref:
 * @coverage: a coverage row
 *
 * Returns: (transfer full): @coverage
 */
KlyngeCoverage *
klynge_coverage_ref (KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  g_atomic_ref_count_inc (&coverage->ref_count);
  return coverage;
}

/**
 * klynge_coverage_unref:
 * @coverage: (transfer full): a coverage row
 *
 * Drops a reference; frees the row when it was the last.
 */
void
klynge_coverage_unref (KlyngeCoverage *coverage)
{
  g_return_if_fail (coverage != NULL);
  if (!g_atomic_ref_count_dec (&coverage->ref_count))
    return;
  g_free (coverage->source);
  g_free (coverage->programme);
  g_free (coverage);
}

/**
 * klynge_coverage_get_source:
 * @coverage: a coverage row
 *
 * Returns: the id of the funding source
 */
const char *
klynge_coverage_get_source (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  return coverage->source;
}

/**
 * klynge_coverage_get_programme:
 * @coverage: a coverage row
 *
 * Returns: (nullable): the id of the programme the row is for, or %NULL
 *   when it sums all programmes
 */
const char *
klynge_coverage_get_programme (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  return coverage->programme;
}

/**
 * klynge_coverage_get_year:
 * @coverage: a coverage row
 *
 * Returns: the calendar year
 */
guint
klynge_coverage_get_year (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, 0);
  return coverage->year;
}

/**
 * klynge_coverage_get_envelope:
 * @coverage: a coverage row
 *
 * The envelopes of the source in the year, in øre: each envelope's amount
 * pro-rated by days over its period (klynge_envelope_amount_in_period()).
 *
 * Returns: the planned amount, at least 0
 */
gint64
klynge_coverage_get_envelope (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, 0);
  return coverage->envelope;
}

/**
 * klynge_coverage_get_recorded:
 * @coverage: a coverage row
 *
 * The contract money recorded against the envelope, in øre: for each
 * contract that names the programme, the source's share
 * (klynge_contract_share_amount_in_period()) pro-rated by days to the
 * year.
 *
 * Returns: the recorded amount, at least 0
 */
gint64
klynge_coverage_get_recorded (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, 0);
  return coverage->recorded;
}

/**
 * klynge_coverage_get_n_unknown_amounts:
 * @coverage: a coverage row
 *
 * How many contracts of unknown amount (klynge_contract_has_amount())
 * among those that name the programme have days in the year and a share
 * of the source. They add nothing to klynge_coverage_get_recorded(): the
 * recorded money is then at least that much, never a sum with zeros in
 * it.
 *
 * Returns: the number of contracts of unknown amount
 */
guint
klynge_coverage_get_n_unknown_amounts (const KlyngeCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, 0);
  return coverage->n_unknown_amounts;
}

/* ⌊10 × r ÷ e⌋ for 0 ≤ r < e ≤ G_MAXINT64, and 10 × r mod e into *r, by
 * ten additions: each partial sum stays below 2 × e < 2⁶⁴. */
static guint
next_decimal (guint64 *r,
              guint64  e)
{
  guint64 t = 0;
  guint digit = 0;

  for (guint i = 0; i < 10; i++)
    {
      t += *r;
      if (t >= e)
        {
          t -= e;
          digit++;
        }
    }
  *r = t;
  return digit;
}

/**
 * klynge_coverage_format_ratio:
 * @coverage: a coverage row
 *
 * The recorded amount as a percentage of the envelope, with two
 * decimals and a percent sign: `12.34 %`. It is computed exactly in
 * integers and truncated, never rounded up, so `100.00 %` means the
 * envelope is covered in full and `99.99 %` anything from 99.99 % up to
 * but not including 100 %. More recorded than planned gives more than
 * 100 %. With no envelope in the year there is no ratio: %NULL, which a
 * report shows as "not known".
 *
 * Returns: (transfer full) (nullable): the ratio, to be freed with
 *   g_free(), or %NULL when the envelope is 0
 */
char *
klynge_coverage_format_ratio (const KlyngeCoverage *coverage)
{
  guint64 quotient, r, e;
  guint digits[4];

  g_return_val_if_fail (coverage != NULL, NULL);

  if (coverage->envelope == 0)
    return NULL;

  /* recorded ÷ envelope by long division: the whole quotient, then four
   * decimals of it; recorded × 10000 itself could overflow */
  e = (guint64) coverage->envelope;
  quotient = (guint64) coverage->recorded / e;
  r = (guint64) coverage->recorded % e;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    digits[i] = next_decimal (&r, e);

  /* the percent is quotient × 100 plus the first two decimals, which
   * may not fit in 64 bits: write it in two pieces */
  if (quotient == 0)
    return g_strdup_printf ("%u.%u%u %%", digits[0] * 10 + digits[1], digits[2], digits[3]);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "%u%u.%u%u %%", quotient,
                          digits[0], digits[1], digits[2], digits[3]);
}

/* --- the queries ---------------------------------------------------------- */

/* A calendar year as a period; FALSE for a year no date can be in. */
static gboolean
year_period (guint         year,
             KlyngePeriod *period)
{
  KlyngeDate whole_year;

  if (year > G_MAXUINT16 || !klynge_date_init (&whole_year, year, 0, 0))
    return FALSE;
  return klynge_period_init (period, &whole_year, &whole_year, NULL);
}

static gboolean
programme_matches (KlyngeProgramme *programme,
                   const char      *id)
{
  return id == NULL || strcmp (klynge_record_get_id (KLYNGE_RECORD (programme)), id) == 0;
}

/**
 * klynge_landscape_envelope_in_year:
 * @self: a landscape
 * @programme: (nullable): the id of a programme, or %NULL for all
 * @source: (nullable): the id of a funding source, or %NULL for all
 * @year: a calendar year
 *
 * What @source planned to spend through @programme in @year, in øre:
 * the sum of the programme's envelopes of that source, each pro-rated by
 * days over its period with klynge_envelope_amount_in_period(). The
 * years of an envelope thus sum to its amount exactly: DKK 100.00 over
 * `2021-07-01..2022-06-30` gives 5041 øre in 2021 and 4959 in 2022.
 *
 * A sum above %KLYNGE_MONEY_MAX øre cannot be given: then the result is
 * -1, which no amount is; klynge_landscape_coverage() says so with an
 * error.
 *
 * Returns: the amount in øre; 0 when nothing is planned (or @programme
 *   names no programme); -1 when the sum is too large to represent
 */
gint64
klynge_landscape_envelope_in_year (KlyngeLandscape *self,
                                   const char      *programme,
                                   const char      *source,
                                   guint            year)
{
  KlyngePeriod period;
  gint64 sum = 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);

  if (!year_period (year, &period))
    return 0;
  for (guint i = 0; i < self->programmes->len; i++)
    {
      KlyngeProgramme *candidate = g_ptr_array_index (self->programmes, i);
      GPtrArray *envelopes;

      if (!programme_matches (candidate, programme))
        continue;
      envelopes = klynge_programme_get_envelopes (candidate);
      for (guint j = 0; j < envelopes->len; j++)
        {
          const KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, j);

          if (source != NULL && g_strcmp0 (klynge_envelope_get_source (envelope), source) != 0)
            continue;
          if (!_klynge_money_add (&sum, klynge_envelope_amount_in_period (envelope, &period),
                                  "envelope", NULL))
            return -1;
        }
    }
  return sum;
}

/* One envelope's or one contract share's part in one year, before the
 * parts of a source and year are summed. */
typedef struct {
  guint source_rank;
  const char *source;     /* owned by the envelope or the share */
  guint year;
  gint64 envelope;
  gint64 recorded;
  guint unknown;          /* 1 for a contract share of unknown amount */
} Part;

static int
compare_parts (gconstpointer pa,
               gconstpointer pb)
{
  const Part *a = pa, *b = pb;
  int c;

  if ((c = _klynge_funding_compare_ranked (a->source_rank, a->source,
                                           b->source_rank, b->source)) != 0)
    return c;
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  return 0;
}

static void
append_part (GArray     *parts,
             GHashTable *ranks,
             const char *source,
             guint       year,
             gint64      envelope,
             gint64      recorded,
             gboolean    unknown)
{
  Part part = {
    .source_rank = _klynge_funding_source_rank (ranks, source),
    .source = source,
    .year = year,
    .envelope = envelope,
    .recorded = recorded,
    .unknown = unknown ? 1 : 0,
  };

  g_array_append_val (parts, part);
}

static gboolean
is_programme (KlyngeLandscape *self,
              const char      *id)
{
  gpointer found = _klynge_landscape_lookup_id (self, id);

  return found != NULL && !KLYNGE_IS_MEMBER_TAG (found) && KLYNGE_IS_PROGRAMME (found);
}

/* Whether @contract is recorded against @programme (any programme when
 * NULL). */
static gboolean
contract_counts (KlyngeContract *contract,
                 const char     *programme)
{
  const char *named = klynge_contract_get_programme (contract);

  return named != NULL && (programme == NULL || strcmp (named, programme) == 0);
}

/**
 * klynge_landscape_coverage:
 * @self: a landscape
 * @programme: (nullable): the id of a programme, or %NULL for all
 *   programmes together
 * @error: return location for a #GError, or %NULL
 *
 * Sets the envelopes of @programme against the contracts recorded for
 * it, per funding source and calendar year. For each row:
 *
 * - the envelope: the programme's envelopes of the source, each
 *   pro-rated by days to the year (as klynge_landscape_envelope_in_year());
 * - the recorded money: for each contract that names the programme
 *   (with %NULL, that names any programme), the source's share of it
 *   pro-rated by days to the year
 *   (klynge_contract_share_amount_in_period()); a contract of unknown
 *   amount adds nothing and is counted in the row instead
 *   (klynge_coverage_get_n_unknown_amounts()).
 *
 * There is a row for every source and year that some envelope or some
 * such contract share has a day in, so either amount may be 0. Rows come
 * by source, in the order the landscape lists funding sources (sources it
 * does not hold last, by id), then by year. The rows of a source sum to
 * its envelopes and its shares of the contracts exactly.
 *
 * Returns: (transfer container) (element-type KlyngeCoverage): the rows,
 *   or %NULL with @error set: %KLYNGE_ERROR_UNRESOLVED_REFERENCE or
 *   %KLYNGE_ERROR_WRONG_REFERENCE_KIND when @programme names no
 *   programme, %KLYNGE_ERROR_OVERFLOW when an amount would exceed
 *   %KLYNGE_MONEY_MAX øre
 */
GPtrArray *
klynge_landscape_coverage (KlyngeLandscape  *self,
                           const char       *programme,
                           GError          **error)
{
  g_autoptr(GHashTable) ranks = NULL;
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (programme != NULL && !is_programme (self, programme))
    {
      _klynge_landscape_refuse_reference (self, programme, "a programme", error);
      return NULL;
    }

  ranks = _klynge_funding_source_ranks (self);
  parts = g_array_new (FALSE, TRUE, sizeof (Part));

  for (guint i = 0; i < self->programmes->len; i++)
    {
      KlyngeProgramme *candidate = g_ptr_array_index (self->programmes, i);
      GPtrArray *envelopes;

      if (!programme_matches (candidate, programme))
        continue;
      envelopes = klynge_programme_get_envelopes (candidate);
      for (guint j = 0; j < envelopes->len; j++)
        {
          const KlyngeEnvelope *envelope = g_ptr_array_index (envelopes, j);

          g_autoptr(GPtrArray) years = klynge_period_split_by_year (klynge_envelope_get_period (envelope));

          for (guint y = 0; y < years->len; y++)
            {
              const KlyngePeriod *year = g_ptr_array_index (years, y);

              append_part (parts, ranks, klynge_envelope_get_source (envelope), year->start.year,
                           klynge_envelope_amount_in_period (envelope, year), 0, FALSE);
            }
        }
    }

  for (guint i = 0; i < self->contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (self->contracts, i);
      g_autoptr(GPtrArray) years = NULL;
      GPtrArray *shares;
      gboolean known;

      if (!contract_counts (contract, programme))
        continue;
      /* a grant of unknown amount adds nothing: it is counted instead */
      known = klynge_contract_has_amount (contract);
      years = klynge_period_split_by_year (klynge_contract_get_period (contract));
      shares = klynge_contract_get_shares (contract);
      for (guint s = 0; s < shares->len; s++)
        {
          const char *source = klynge_share_get_source (g_ptr_array_index (shares, s));

          for (guint y = 0; y < years->len; y++)
            {
              const KlyngePeriod *year = g_ptr_array_index (years, y);

              append_part (parts, ranks, source, year->start.year, 0,
                           known ? klynge_contract_share_amount_in_period (contract, source, year) : 0,
                           !known);
            }
        }
    }

  g_array_sort (parts, compare_parts);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_coverage_unref);
  for (guint i = 0; i < parts->len; )
    {
      const Part *key = &g_array_index (parts, Part, i);
      KlyngeCoverage *row = g_new0 (KlyngeCoverage, 1);

      g_atomic_ref_count_init (&row->ref_count);
      row->source = g_strdup (key->source);
      row->programme = g_strdup (programme);
      row->year = key->year;
      g_ptr_array_add (rows, row);
      for (; i < parts->len && compare_parts (key, &g_array_index (parts, Part, i)) == 0; i++)
        {
          const Part *part = &g_array_index (parts, Part, i);

          if (!_klynge_money_add (&row->envelope, part->envelope, "coverage: envelope", error) ||
              !_klynge_money_add (&row->recorded, part->recorded, "coverage: recorded", error))
            return NULL;
          row->n_unknown_amounts += part->unknown;
        }
    }
  return g_steal_pointer (&rows);
}
