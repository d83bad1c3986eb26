/* test-coverage.c: envelopes per source and year, and the contract money
 * recorded against them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-test.h"

/* --- building landscapes in C ------------------------------------------------ */

static KlyngePeriod
period_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngePeriod) parsed = klynge_period_new_from_string (text, &error);

  ck_assert_no_error (error);
  return *parsed;
}

static void
add_record (KlyngeLandscape *landscape,
            gpointer         record)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (klynge_landscape_add (landscape, KLYNGE_RECORD (record), &error),
                 "%s", error ? error->message : "");
  g_object_unref (record);
}

static void
add_source (KlyngeLandscape *landscape,
            const char      *id)
{
  add_record (landscape, klynge_funding_source_new (id, KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, id));
}

static void
add_envelope (KlyngeProgramme    *programme,
              const char         *source,
              const KlyngePeriod *period,
              gint64              amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeEnvelope) envelope = klynge_envelope_new (source, period, amount, &error);

  ck_assert_no_error (error);
  ck_assert (klynge_programme_add_envelope (programme, envelope, &error));
  ck_assert_no_error (error);
}

/* @shares such as "deb:5000,es:5000" (basis points); @programme may be
 * NULL; an @amount of -1 makes a contract of unknown amount */
static void
add_contract (KlyngeLandscape    *landscape,
              const char         *id,
              const KlyngePeriod *period,
              gint64              amount,
              const char         *shares,
              const char         *programme)
{
  KlyngeContract *contract = klynge_contract_new (id, "holder", period, MAX (amount, 0));
  g_auto(GStrv) parts = g_strsplit (shares, ",", -1);
  g_autoptr(GError) error = NULL;

  if (amount < 0)
    {
      klynge_contract_set_amount_unknown (contract);
      ck_assert (klynge_record_set_note (KLYNGE_RECORD (contract), "No amount is public.", &error));
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 2);
      g_autoptr(KlyngeShare) share = klynge_share_new (pair[0], (guint) atoi (pair[1]), &error);

      ck_assert_no_error (error);
      ck_assert (klynge_contract_add_share (contract, share, &error));
    }
  if (programme != NULL)
    ck_assert (klynge_contract_set_programme (contract, programme, &error));
  ck_assert_no_error (error);
  add_record (landscape, contract);
}

/* Sources siu, es, deb (in that order: not alphabetical), the holder of
 * the contracts and a member. */
static KlyngeLandscape *
new_base_landscape (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();

  add_source (landscape, "siu");
  add_source (landscape, "es");
  add_source (landscape, "deb");
  add_record (landscape, klynge_member_new ("m1", KLYNGE_MEMBER_KIND_COMPANY, "M1"));
  add_record (landscape, klynge_organisation_new ("holder", KLYNGE_ORGANISATION_KIND_CLUSTER, "Holder"));
  return landscape;
}

/* Programme p: deb DKK 100.00 over 2021-07-01..2022-06-30 and DKK 80 m in
 * the first half of 2021 (a programme's envelopes of one source do not
 * overlap), es DKK 10 m in 2022. Programme q: deb DKK 1 m in 2021. Contracts:
 * c-p (names p) 730 000 øre over 2021–2022 paid half by deb, half by es;
 * c-q (names q) 100 000 øre in 2021 by deb; c-none (names none) 500 øre
 * in 2021 by siu. */
static KlyngeLandscape *
new_landscape (void)
{
  KlyngeLandscape *landscape = new_base_landscape ();
  KlyngeProgramme *p = klynge_programme_new ("p", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME, "P");
  KlyngeProgramme *q = klynge_programme_new ("q", KLYNGE_PROGRAMME_KIND_OTHER, "Q");
  KlyngePeriod y2021 = period_of ("2021-01-01..2021-12-31");
  KlyngePeriod y2022 = period_of ("2022-01-01..2022-12-31");
  KlyngePeriod both = period_of ("2021-01-01..2022-12-31");
  KlyngePeriod first_half = period_of ("2021-01-01..2021-06-30");
  KlyngePeriod straddle = period_of ("2021-07-01..2022-06-30");

  add_envelope (p, "deb", &straddle, 10000);
  add_envelope (p, "deb", &first_half, 8000000000);
  add_envelope (p, "es", &y2022, 1000000000);
  add_record (landscape, p);
  add_envelope (q, "deb", &y2021, 100000000);
  add_record (landscape, q);

  add_contract (landscape, "c-p", &both, 730000, "deb:5000,es:5000", "p");
  add_contract (landscape, "c-q", &y2021, 100000, "deb:10000", "q");
  add_contract (landscape, "c-none", &y2021, 500, "siu:10000", NULL);
  return landscape;
}

/* "source year envelope recorded" per row, rows joined by "; " */
static char *
describe_rows (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "%s%s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              i > 0 ? "; " : "",
                              klynge_coverage_get_source (row), klynge_coverage_get_year (row),
                              klynge_coverage_get_envelope (row), klynge_coverage_get_recorded (row));
      if (klynge_coverage_get_n_unknown_amounts (row) > 0)
        g_string_append_printf (text, " +%u unknown", klynge_coverage_get_n_unknown_amounts (row));
    }
  return g_string_free (text, FALSE);
}

/* --- envelope in a year ------------------------------------------------------ */

typedef struct {
  const char *programme;
  const char *source;
  guint year;
  gint64 expected;
} EnvelopeCase;

static const EnvelopeCase envelope_cases[] = {
  /* 184 of the straddling envelope's 365 days fall in 2021 */
  { "p", "deb", 2021, 8000000000 + 5041 },
  { "p", "deb", 2022, 4959 },
  { "p", "deb", 2020, 0 },
  { "p", "deb", 2023, 0 },
  { "p", "es", 2021, 0 },
  { "p", "es", 2022, 1000000000 },
  { "p", "siu", 2021, 0 },
  { "p", NULL, 2022, 1000000000 + 4959 },
  { "q", "deb", 2021, 100000000 },
  { NULL, "deb", 2021, 8000000000 + 5041 + 100000000 },
  { NULL, NULL, 2021, 8000000000 + 5041 + 100000000 },
  { "no-such", "deb", 2021, 0 },
  { "deb", "deb", 2021, 0 },          /* a source, not a programme */
  { "p", "deb", 0, 0 },               /* years no date can be in */
  { "p", "deb", 999, 0 },
  { "p", "deb", 10000, 0 },
  { "p", "deb", 70000, 0 },
};

START_TEST (test_envelope_in_year_prorates_each_envelope_by_days)
{
  const EnvelopeCase *c = &envelope_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  gint64 got = klynge_landscape_envelope_in_year (landscape, c->programme, c->source, c->year);

  ck_assert_msg (got == c->expected, "%s %s %u: got %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 c->programme, c->source, c->year, got, c->expected);
}
END_TEST

START_TEST (test_envelope_in_year_of_the_largest_amount_does_not_overflow)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeProgramme *p = klynge_programme_new ("p", KLYNGE_PROGRAMME_KIND_OTHER, "P");
  KlyngePeriod y2021 = period_of ("2021-01-01..2021-12-31");

  add_envelope (p, "deb", &y2021, KLYNGE_MONEY_MAX);
  add_record (landscape, p);
  ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "p", "deb", 2021), KLYNGE_MONEY_MAX);
}
END_TEST

/* --- overflow ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  gint64 envelope_a, envelope_b;      /* of deb in each half of 2021 */
  gint64 recorded_a, recorded_b;      /* two contracts of deb in 2021 */
  gboolean envelope_overflows;
  gboolean coverage_overflows;
} OverflowCase;

static const OverflowCase overflow_cases[] = {
  { "envelopes summing to the largest amount", KLYNGE_MONEY_MAX - 1, 1, 0, 0, FALSE, FALSE },
  { "envelopes above the largest amount", KLYNGE_MONEY_MAX, 1, 0, 0, TRUE, TRUE },
  { "recorded money summing to the largest amount", 0, 0, KLYNGE_MONEY_MAX - 1, 1, FALSE, FALSE },
  { "recorded money above the largest amount", 0, 0, KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, FALSE, TRUE },
};

START_TEST (test_sums_above_the_largest_amount_are_refused)
{
  const OverflowCase *c = &overflow_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeProgramme *p = klynge_programme_new ("p", KLYNGE_PROGRAMME_KIND_OTHER, "P");
  KlyngePeriod y2021 = period_of ("2021-01-01..2021-12-31");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  KlyngePeriod first_half = period_of ("2021-01-01..2021-06-30");
  KlyngePeriod second_half = period_of ("2021-07-01..2021-12-31");

  add_envelope (p, "deb", &first_half, c->envelope_a);
  add_envelope (p, "deb", &second_half, c->envelope_b);
  add_record (landscape, p);
  add_contract (landscape, "a", &y2021, c->recorded_a, "deb:10000", "p");
  add_contract (landscape, "b", &y2021, c->recorded_b, "deb:10000", "p");

  ck_assert_int_eq (klynge_landscape_envelope_in_year (landscape, "p", "deb", 2021),
                    c->envelope_overflows ? -1 : c->envelope_a + c->envelope_b);
  rows = klynge_landscape_coverage (landscape, "p", &error);
  if (c->coverage_overflows)
    {
      ck_assert_ptr_null (rows);
      ck_assert_klynge_error (error, KLYNGE_ERROR_OVERFLOW);
    }
  else
    {
      ck_assert_no_error (error);
      ck_assert_uint_eq (rows->len, 1);
      ck_assert_int_eq (klynge_coverage_get_envelope (g_ptr_array_index (rows, 0)),
                        c->envelope_a + c->envelope_b);
      ck_assert_int_eq (klynge_coverage_get_recorded (g_ptr_array_index (rows, 0)),
                        c->recorded_a + c->recorded_b);
    }
}
END_TEST

/* --- coverage ------------------------------------------------------------------ */

START_TEST (test_coverage_of_a_programme_sets_its_envelopes_against_the_contracts_naming_it)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, "p", &error);
  g_autofree char *got = NULL;

  ck_assert_no_error (error);
  got = describe_rows (rows);
  /* sources in landscape order (es before deb), then years; c-p's 730 000
   * øre give each source 182 500 a year, c-q and c-none do not count */
  ck_assert_str_eq (got,
                    "es 2021 0 182500; es 2022 1000000000 182500; "
                    "deb 2021 8000005041 182500; deb 2022 4959 182500");
  for (guint i = 0; i < rows->len; i++)
    {
      ck_assert_str_eq (klynge_coverage_get_programme (g_ptr_array_index (rows, i)), "p");
      ck_assert_uint_eq (klynge_coverage_get_n_unknown_amounts (g_ptr_array_index (rows, i)), 0);
    }
}
END_TEST

START_TEST (test_coverage_of_all_programmes_counts_every_contract_naming_one)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, NULL, &error);
  g_autofree char *got = NULL;

  ck_assert_no_error (error);
  got = describe_rows (rows);
  /* c-none names no programme, so siu has no row */
  ck_assert_str_eq (got,
                    "es 2021 0 182500; es 2022 1000000000 182500; "
                    "deb 2021 8100005041 282500; deb 2022 4959 182500");
  ck_assert_ptr_null (klynge_coverage_get_programme (g_ptr_array_index (rows, 0)));
}
END_TEST

START_TEST (test_coverage_counts_contracts_of_unknown_amount_instead_of_adding_zero)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  KlyngePeriod straddle = period_of ("2021-07-01..2022-06-30");
  KlyngePeriod y2021 = period_of ("2021-01-01..2021-12-31");
  KlyngePeriod y2023 = period_of ("2023-01-01..2023-12-31");
  g_autoptr(GPtrArray) of_p = NULL;
  g_autoptr(GPtrArray) of_all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got_p = NULL;
  g_autofree char *got_all = NULL;

  add_contract (landscape, "u-p", &straddle, -1, "deb:5000,es:5000", "p");
  add_contract (landscape, "u-siu", &y2023, -1, "siu:10000", "p");
  add_contract (landscape, "u-q", &y2021, -1, "deb:10000", "q");
  add_contract (landscape, "u-none", &y2021, -1, "deb:10000", NULL);

  of_p = klynge_landscape_coverage (landscape, "p", &error);
  ck_assert_no_error (error);
  got_p = describe_rows (of_p);
  /* each grant once per row of a source it has a share of; the recorded
   * money is that of the known contracts alone */
  ck_assert_str_eq (got_p,
                    "siu 2023 0 0 +1 unknown; "
                    "es 2021 0 182500 +1 unknown; es 2022 1000000000 182500 +1 unknown; "
                    "deb 2021 8000005041 182500 +1 unknown; deb 2022 4959 182500 +1 unknown");

  of_all = klynge_landscape_coverage (landscape, NULL, &error);
  ck_assert_no_error (error);
  got_all = describe_rows (of_all);
  ck_assert_str_eq (got_all,
                    "siu 2023 0 0 +1 unknown; "
                    "es 2021 0 182500 +1 unknown; es 2022 1000000000 182500 +1 unknown; "
                    "deb 2021 8100005041 282500 +2 unknown; deb 2022 4959 182500 +1 unknown");
}
END_TEST

START_TEST (test_coverage_without_programmes_has_no_rows)
{
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, NULL, &error);

  ck_assert_no_error (error);
  ck_assert_uint_eq (rows->len, 0);
}
END_TEST

typedef struct {
  const char *programme;
  int code;
} BadProgrammeCase;

static const BadProgrammeCase bad_programme_cases[] = {
  { "no-such", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "deb", KLYNGE_ERROR_WRONG_REFERENCE_KIND },      /* a funding source */
  { "holder", KLYNGE_ERROR_WRONG_REFERENCE_KIND },   /* an organisation */
  { "c-p", KLYNGE_ERROR_WRONG_REFERENCE_KIND },      /* a contract */
  { "m1", KLYNGE_ERROR_WRONG_REFERENCE_KIND },       /* a member */
  { "", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "\xff", KLYNGE_ERROR_UNRESOLVED_REFERENCE },     /* not UTF-8 */
};

START_TEST (test_coverage_of_what_is_not_a_programme_is_refused_with_its_code)
{
  const BadProgrammeCase *c = &bad_programme_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = klynge_landscape_coverage (landscape, c->programme, &error);

  ck_assert_ptr_null (rows);
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  ck_assert_klynge_error (error, c->code);
}
END_TEST

START_TEST (test_coverage_is_a_refcounted_boxed_type)
{
  g_autoptr(KlyngeLandscape) landscape = new_landscape ();
  g_autoptr(GPtrArray) rows = klynge_landscape_coverage (landscape, "p", NULL);
  KlyngeCoverage *row = klynge_coverage_ref (g_ptr_array_index (rows, 0));
  KlyngeCoverage *copy = g_boxed_copy (KLYNGE_TYPE_COVERAGE, row);

  ck_assert_ptr_eq (copy, row);
  g_clear_pointer (&rows, g_ptr_array_unref);
  ck_assert_str_eq (klynge_coverage_get_source (row), "es");
  g_boxed_free (KLYNGE_TYPE_COVERAGE, copy);
  klynge_coverage_unref (row);
}
END_TEST

/* --- the ratio ----------------------------------------------------------------- */

typedef struct {
  gint64 recorded;
  gint64 envelope;
  const char *expected;   /* NULL: no ratio */
} RatioCase;

static const RatioCase ratio_cases[] = {
  { 1234, 10000, "12.34 %" },
  { 0, 5, "0.00 %" },
  { 1, 3, "33.33 %" },
  { 2, 3, "66.66 %" },                    /* truncated, not rounded up */
  { 1, 10001, "0.00 %" },
  { 10000, 10000, "100.00 %" },
  { 9999999, 10000000, "99.99 %" },       /* never shown as full */
  { 12500, 10000, "125.00 %" },
  { 5, 1000, "0.50 %" },
  { KLYNGE_MONEY_MAX, KLYNGE_MONEY_MAX, "100.00 %" },
  { KLYNGE_MONEY_MAX - 1, KLYNGE_MONEY_MAX, "99.99 %" },
  { KLYNGE_MONEY_MAX, 1, "922337203685477580700.00 %" },   /* × 100 exceeds 64 bits */
  { KLYNGE_MONEY_MAX, 3, "307445734561825860233.33 %" },
  { 0, 0, NULL },
  { 500, 0, NULL },
};

START_TEST (test_coverage_ratio_is_exact_to_the_hundredth_and_truncated)
{
  const RatioCase *c = &ratio_cases[_i];
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeProgramme *p = klynge_programme_new ("p", KLYNGE_PROGRAMME_KIND_OTHER, "P");
  KlyngePeriod y2021 = period_of ("2021-01-01..2021-12-31");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ratio = NULL;
  KlyngeCoverage *row;

  add_envelope (p, "deb", &y2021, c->envelope);
  add_record (landscape, p);
  add_contract (landscape, "c", &y2021, c->recorded, "deb:10000", "p");
  rows = klynge_landscape_coverage (landscape, "p", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (rows->len, 1);
  row = g_ptr_array_index (rows, 0);
  ck_assert_int_eq (klynge_coverage_get_envelope (row), c->envelope);
  ck_assert_int_eq (klynge_coverage_get_recorded (row), c->recorded);

  ratio = klynge_coverage_format_ratio (row);
  if (c->expected == NULL)
    ck_assert_ptr_null (ratio);
  else
    ck_assert_str_eq (ratio, c->expected);
}
END_TEST

/* --- properties ---------------------------------------------------------------- */

#define PROPERTY_SEED 20261203
static const char * const property_sources[] = { "siu", "es", "deb" };

static guint32
first_day_of_2015 (void)
{
  KlyngeDate first = { 2015, 1, 1 };

  return klynge_date_get_first_day (&first);
}

/* A random period of 1 to 2000 days starting 0 to 3650 days after
 * @after. */
static KlyngePeriod
random_period_after (GRand   *rand,
                     guint32  after)
{
  guint32 start = after + g_rand_int_range (rand, 0, 3650);
  KlyngePeriod period;

  klynge_period_init_days (&period, start, start + g_rand_int_range (rand, 0, 2000));
  return period;
}

static gint64
random_amount (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return g_rand_int_range (rand, 0, 1000);
    case 1:
      return (gint64) g_rand_int (rand) * 1000 + g_rand_int_range (rand, 0, 1000);
    default:
      /* up to about 10^15 øre: sums of a few cannot overflow */
      return ((gint64) g_rand_int (rand) << 18) + g_rand_int (rand);
    }
}

/* Whether "X.YZ %" is recorded ÷ envelope truncated to hundredths of a
 * percent: bp × envelope ≤ recorded × 10000 < (bp + 1) × envelope, in
 * 128 bits where the compiler has them (the products need up to 78). */
static gboolean
ratio_is_truncated (const char *text,
                    gint64      recorded,
                    gint64      envelope)
{
  char *end;
  guint64 whole = g_ascii_strtoull (text, &end, 10);
  guint fraction;

  if (end[0] != '.' || !g_ascii_isdigit (end[1]) || !g_ascii_isdigit (end[2]) ||
      strcmp (end + 3, " %") != 0)
    return FALSE;
  fraction = (end[1] - '0') * 10 + (end[2] - '0');
#ifdef __SIZEOF_INT128__
  {
    unsigned __int128 bp = (unsigned __int128) whole * 100 + fraction;
    unsigned __int128 scaled = (unsigned __int128) recorded * 10000;

    return bp * envelope <= scaled && scaled < (bp + 1) * envelope;
  }
#else
  /* in 64 bits when the products fit, which the smaller amounts do */
  if ((guint64) recorded > (G_MAXUINT64 - (guint64) envelope) / 10000)
    return TRUE;
  {
    guint64 bp = whole * 100 + fraction;
    guint64 scaled = (guint64) recorded * 10000;

    return bp * envelope <= scaled && scaled < (bp + 1) * envelope;
  }
#endif
}

START_TEST (test_property_yearly_parts_of_envelopes_recorded_money_and_unknown_grants_sum_to_the_whole)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (PROPERTY_SEED + _i);
  g_autoptr(KlyngeLandscape) landscape = new_base_landscape ();
  KlyngeProgramme *p = klynge_programme_new ("p", KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME, "P");
  gint64 envelope_whole[G_N_ELEMENTS (property_sources)] = { 0, };
  gint64 recorded_whole[G_N_ELEMENTS (property_sources)] = { 0, };
  gint64 envelope_parts[G_N_ELEMENTS (property_sources)] = { 0, };
  gint64 recorded_parts[G_N_ELEMENTS (property_sources)] = { 0, };
  guint unknown_whole[G_N_ELEMENTS (property_sources)] = { 0, };
  guint unknown_parts[G_N_ELEMENTS (property_sources)] = { 0, };
  guint n_envelopes = g_rand_int_range (rand, 1, 8);
  guint n_contracts = g_rand_int_range (rand, 0, 8);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint32 free_from[G_N_ELEMENTS (property_sources)];
  guint previous_source = 0, previous_year = 0;

  /* a source's envelopes in one programme do not overlap: each starts
   * after the last one of its source */
  for (guint s = 0; s < G_N_ELEMENTS (property_sources); s++)
    free_from[s] = first_day_of_2015 ();
  for (guint i = 0; i < n_envelopes; i++)
    {
      guint s = g_rand_int_range (rand, 0, G_N_ELEMENTS (property_sources));
      KlyngePeriod period = random_period_after (rand, free_from[s]);
      gint64 amount = random_amount (rand);

      add_envelope (p, property_sources[s], &period, amount);
      envelope_whole[s] += amount;
      free_from[s] = klynge_period_get_last_day (&period) + 1;
    }
  add_record (landscape, p);

  for (guint i = 0; i < n_contracts; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      KlyngePeriod period = random_period_after (rand, first_day_of_2015 ());
      gint64 amount = random_amount (rand);
      guint cut_a = g_rand_int_range (rand, 0, 10001);
      guint cut_b = g_rand_int_range (rand, cut_a, 10001);
      guint points[] = { cut_a, cut_b - cut_a, 10000 - cut_b };
      g_autofree char *shares = g_strdup_printf ("siu:%u,es:%u,deb:%u", points[0], points[1], points[2]);
      g_autoptr(KlyngeContract) contract = NULL;
      g_autoptr(GPtrArray) years = klynge_period_split_by_year (&period);
      /* every other contract names no programme and must not count;
       * one in four of those that do has no known amount */
      gboolean unknown = i % 4 == 2;

      add_contract (landscape, id, &period, unknown ? -1 : amount, shares, i % 2 == 0 ? "p" : NULL);
      if (i % 2 != 0)
        continue;
      contract = KLYNGE_CONTRACT (g_object_ref (klynge_landscape_lookup (landscape, id)));
      /* a grant of unknown amount counts once in each of its years, for
       * every source it has a share of (here all three, some at 0 %) */
      for (guint s = 0; s < G_N_ELEMENTS (property_sources); s++)
        if (unknown)
          unknown_whole[s] += years->len;
        else
          recorded_whole[s] += klynge_contract_share_amount (contract, property_sources[s]);
    }

  rows = klynge_landscape_coverage (landscape, "p", &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      KlyngeCoverage *row = g_ptr_array_index (rows, i);
      const char *source = klynge_coverage_get_source (row);
      guint year = klynge_coverage_get_year (row);
      guint s = 0;

      while (strcmp (property_sources[s], source) != 0)
        s++;
      /* sources in landscape order, then years, each pair once */
      ck_assert (i == 0 || s > previous_source || (s == previous_source && year > previous_year));
      previous_source = s;
      previous_year = year;

      ck_assert (klynge_coverage_get_envelope (row) >= 0);
      ck_assert (klynge_coverage_get_recorded (row) >= 0);
      ck_assert_int_eq (klynge_coverage_get_envelope (row),
                        klynge_landscape_envelope_in_year (landscape, "p", source, year));
      envelope_parts[s] += klynge_coverage_get_envelope (row);
      recorded_parts[s] += klynge_coverage_get_recorded (row);
      unknown_parts[s] += klynge_coverage_get_n_unknown_amounts (row);

      if (klynge_coverage_get_envelope (row) > 0)
        {
          g_autofree char *ratio = klynge_coverage_format_ratio (row);

          ck_assert_msg (ratio_is_truncated (ratio, klynge_coverage_get_recorded (row),
                                             klynge_coverage_get_envelope (row)),
                         "%s for %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, ratio,
                         klynge_coverage_get_recorded (row), klynge_coverage_get_envelope (row));
        }
      else
        ck_assert_ptr_null (klynge_coverage_format_ratio (row));
    }
  for (guint s = 0; s < G_N_ELEMENTS (property_sources); s++)
    {
      ck_assert_int_eq (envelope_parts[s], envelope_whole[s]);
      ck_assert_int_eq (recorded_parts[s], recorded_whole[s]);
      ck_assert_uint_eq (unknown_parts[s], unknown_whole[s]);
    }
}
END_TEST

static Suite *
coverage_suite (void)
{
  Suite *suite = suite_create ("coverage");
  TCase *tc;

  tc = tcase_create ("envelope");
  tcase_add_loop_test (tc, test_envelope_in_year_prorates_each_envelope_by_days,
                       0, G_N_ELEMENTS (envelope_cases));
  tcase_add_test (tc, test_envelope_in_year_of_the_largest_amount_does_not_overflow);
  tcase_add_loop_test (tc, test_sums_above_the_largest_amount_are_refused,
                       0, G_N_ELEMENTS (overflow_cases));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("coverage");
  tcase_add_test (tc, test_coverage_of_a_programme_sets_its_envelopes_against_the_contracts_naming_it);
  tcase_add_test (tc, test_coverage_of_all_programmes_counts_every_contract_naming_one);
  tcase_add_test (tc, test_coverage_counts_contracts_of_unknown_amount_instead_of_adding_zero);
  tcase_add_test (tc, test_coverage_without_programmes_has_no_rows);
  tcase_add_loop_test (tc, test_coverage_of_what_is_not_a_programme_is_refused_with_its_code,
                       0, G_N_ELEMENTS (bad_programme_cases));
  tcase_add_test (tc, test_coverage_is_a_refcounted_boxed_type);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("ratio");
  tcase_add_loop_test (tc, test_coverage_ratio_is_exact_to_the_hundredth_and_truncated,
                       0, G_N_ELEMENTS (ratio_cases));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("properties");
  tcase_add_loop_test (tc, test_property_yearly_parts_of_envelopes_recorded_money_and_unknown_grants_sum_to_the_whole,
                       0, 200);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (coverage_suite ());
}
