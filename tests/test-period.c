/* test-period.c: KlyngePeriod, inclusive date ranges and pro-rating
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>

#include "klynge-private.h"
#include "klynge-test.h"

/* "A two-year period from 1 October 2019": the CED contract. */
#define CED_PERIOD "2019-10-01..2021-09-30"

static KlyngePeriod
period_from_text (const char *text)
{
  g_autoptr(KlyngePeriod) period = NULL;
  GError *error = NULL;

  period = klynge_period_new_from_string (text, &error);
  ck_assert_msg (period != NULL, "“%s”: %s", text, error ? error->message : "");
  return *period;
}

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate gdate;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, year);
  return g_date_get_julian (&gdate);
}

static void
assert_period_text (const KlyngePeriod *period,
                    const char         *expected)
{
  g_autofree char *text = klynge_period_to_string (period);

  ck_assert_str_eq (text, expected);
}

/* --- building ----------------------------------------------------------- */

START_TEST (test_period_ced_contract_has_731_days)
{
  KlyngePeriod period = period_from_text (CED_PERIOD);

  ck_assert_uint_eq (klynge_period_get_length_days (&period), 731);
  ck_assert_uint_eq (klynge_period_get_first_day (&period), julian (2019, 10, 1));
  ck_assert_uint_eq (klynge_period_get_last_day (&period), julian (2021, 9, 30));
  assert_period_text (&period, CED_PERIOD);
}
END_TEST

START_TEST (test_period_partial_end_stands_for_its_last_day)
{
  KlyngePeriod year = period_from_text ("2024..2024");
  KlyngePeriod february = period_from_text ("2020-02..2020-02");
  KlyngePeriod years = period_from_text ("2020..2021");

  ck_assert_uint_eq (klynge_period_get_first_day (&year), julian (2024, 1, 1));
  ck_assert_uint_eq (klynge_period_get_last_day (&year), julian (2024, 12, 31));
  ck_assert_uint_eq (klynge_period_get_length_days (&year), 366);
  ck_assert_uint_eq (klynge_period_get_last_day (&february), julian (2020, 2, 29));
  ck_assert_uint_eq (klynge_period_get_length_days (&february), 29);
  ck_assert_uint_eq (klynge_period_get_length_days (&years), 366 + 365);
}
END_TEST

static const char * const good_periods[] = {
  CED_PERIOD,
  "2020..2021",
  "2020..2020",
  "2020-05..2020-05",
  "2019-10-01..2019-10-01",
  "2019-10..2019-10-15",     /* starts 1 October */
  "2020-01-02..2020-01",     /* ends 31 January */
  "2019..2019-01-01",
  "2014..2020-06-30",
  "1000..9999",
};

START_TEST (test_period_text_round_trips_in_each_precision)
{
  KlyngePeriod period = period_from_text (good_periods[_i]);
  KlyngePeriod again;

  assert_period_text (&period, good_periods[_i]);
  ck_assert (klynge_period_init (&again, &period.start, &period.end, NULL));
  ck_assert (klynge_period_equal (&again, &period));
}
END_TEST

static const struct {
  const char *text;
  int code;
} bad_periods[] = {
  { "2021-09-30..2019-10-01", KLYNGE_ERROR_BAD_PERIOD },
  { "2019-10-01..2019-09-30", KLYNGE_ERROR_BAD_PERIOD },
  { "2020..2019-12-31", KLYNGE_ERROR_BAD_PERIOD },
  { "2020-02..2020-01-31", KLYNGE_ERROR_BAD_PERIOD },
  { "2019", KLYNGE_ERROR_BAD_PERIOD },
  { "2019-10-01", KLYNGE_ERROR_BAD_PERIOD },
  { "", KLYNGE_ERROR_BAD_PERIOD },
  { "2019.2020", KLYNGE_ERROR_BAD_PERIOD },
  { "..", KLYNGE_ERROR_BAD_DATE },
  { "2019..", KLYNGE_ERROR_BAD_DATE },
  { "..2020", KLYNGE_ERROR_BAD_DATE },
  { "2019-13..2020", KLYNGE_ERROR_BAD_DATE },
  { "2019..2019-02-29", KLYNGE_ERROR_BAD_DATE },
  { "2019 ..2020", KLYNGE_ERROR_BAD_DATE },
  { "2019.. 2020", KLYNGE_ERROR_BAD_DATE },
  { "2019...2020", KLYNGE_ERROR_BAD_DATE },
  { "2019..2020..2021", KLYNGE_ERROR_BAD_DATE },
  { "2019/2020", KLYNGE_ERROR_BAD_PERIOD },
};

START_TEST (test_period_new_from_string_rejects_bad_text)
{
  GError *error = NULL;

  ck_assert_ptr_null (klynge_period_new_from_string (bad_periods[_i].text, &error));
  ck_assert_msg (error != NULL, "“%s” was accepted", bad_periods[_i].text);
  ck_assert_klynge_error (error, bad_periods[_i].code);
}
END_TEST

START_TEST (test_period_init_rejects_end_before_start)
{
  KlyngeDate start = { 2021, 9, 30 }, end = { 2019, 10, 1 };
  KlyngePeriod period = { { 0, }, };
  GError *error = NULL;

  ck_assert (!klynge_period_init (&period, &start, &end, &error));
  ck_assert_str_eq (error->message,
                    "“2021-09-30..2019-10-01” is not a period: it ends before it starts");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
  /* A failed init leaves the period alone. */
  ck_assert (!klynge_date_is_set (&period.start));

  ck_assert_ptr_null (klynge_period_new (&start, &end, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
}
END_TEST

START_TEST (test_period_init_rejects_unset_dates)
{
  KlyngeDate unset = { 0, }, date = { 2019, 10, 1 };
  KlyngePeriod period;
  GError *error = NULL;

  ck_assert (!klynge_period_init (&period, &unset, &date, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
  ck_assert (!klynge_period_init (&period, &date, &unset, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
  ck_assert (!klynge_period_init (&period, &unset, &unset, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
}
END_TEST

START_TEST (test_period_init_rejects_impossible_dates)
{
  KlyngeDate start = { 2019, 13, 0 }, end = { 2020, 0, 0 };
  KlyngePeriod period;
  GError *error = NULL;

  ck_assert (!klynge_period_init (&period, &start, &end, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
}
END_TEST

START_TEST (test_period_init_days_uses_day_precision)
{
  KlyngePeriod period;

  klynge_period_init_days (&period, julian (2019, 10, 1), julian (2021, 9, 30));
  assert_period_text (&period, CED_PERIOD);
  ck_assert_int_eq (klynge_date_get_precision (&period.start), KLYNGE_DATE_PRECISION_DAY);

  klynge_period_init_days (&period, julian (2020, 2, 29), julian (2020, 2, 29));
  ck_assert_uint_eq (klynge_period_get_length_days (&period), 1);
}
END_TEST

START_TEST (test_period_zero_filled_is_empty)
{
  KlyngePeriod empty = { { 0, }, };
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  g_autoptr(GPtrArray) parts = klynge_period_split_by_year (&empty);

  ck_assert_uint_eq (klynge_period_get_length_days (&empty), 0);
  ck_assert (!klynge_period_contains_day (&empty, julian (2020, 1, 1)));
  ck_assert (!klynge_period_overlaps (&empty, &ced));
  ck_assert (!klynge_period_intersect (&ced, &empty, NULL));
  ck_assert_uint_eq (parts->len, 0);
  ck_assert_int_eq (klynge_period_prorate (&ced, 1000, &empty), 0);
}
END_TEST

START_TEST (test_period_boxed_type_copies_and_compares_with_precision)
{
  KlyngePeriod year = period_from_text ("2020..2020");
  KlyngePeriod days = period_from_text ("2020-01-01..2020-12-31");
  KlyngePeriod *copy;

  ck_assert (G_TYPE_IS_BOXED (KLYNGE_TYPE_PERIOD));
  copy = g_boxed_copy (KLYNGE_TYPE_PERIOD, &year);
  ck_assert (klynge_period_equal (copy, &year));
  g_boxed_free (KLYNGE_TYPE_PERIOD, copy);
  klynge_period_free (NULL);

  /* The same days, but not the same period. */
  ck_assert_uint_eq (klynge_period_get_first_day (&year), klynge_period_get_first_day (&days));
  ck_assert_uint_eq (klynge_period_get_last_day (&year), klynge_period_get_last_day (&days));
  ck_assert (!klynge_period_equal (&year, &days));
}
END_TEST

/* --- days ------------------------------------------------------------- */

START_TEST (test_period_contains_ends_and_first_days_of_partial_dates)
{
  KlyngePeriod period = period_from_text (CED_PERIOD);
  KlyngeDate unset = { 0, };

  ck_assert (klynge_period_contains (&period, &(KlyngeDate) { 2019, 10, 1 }));
  ck_assert (klynge_period_contains (&period, &(KlyngeDate) { 2021, 9, 30 }));
  ck_assert (!klynge_period_contains (&period, &(KlyngeDate) { 2019, 9, 30 }));
  ck_assert (!klynge_period_contains (&period, &(KlyngeDate) { 2021, 10, 1 }));
  /* Partial dates stand for their first day. */
  ck_assert (klynge_period_contains (&period, &(KlyngeDate) { 2021, 0, 0 }));
  ck_assert (klynge_period_contains (&period, &(KlyngeDate) { 2019, 10, 0 }));
  ck_assert (!klynge_period_contains (&period, &(KlyngeDate) { 2019, 0, 0 }));
  ck_assert (!klynge_period_contains (&period, &unset));

  ck_assert (klynge_period_contains_day (&period, julian (2020, 2, 29)));
  ck_assert (!klynge_period_contains_day (&period, 0));
}
END_TEST

START_TEST (test_period_overlaps_needs_a_shared_day)
{
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  KlyngePeriod renewal = period_from_text ("2021-10-01..2022-09-30");
  KlyngePeriod last_day = period_from_text ("2021-09-30..2022");
  KlyngePeriod inside = period_from_text ("2020-05..2020-06");

  ck_assert (!klynge_period_overlaps (&ced, &renewal));
  ck_assert (!klynge_period_overlaps (&renewal, &ced));
  ck_assert (klynge_period_overlaps (&ced, &last_day));
  ck_assert (klynge_period_overlaps (&last_day, &ced));
  ck_assert (klynge_period_overlaps (&ced, &inside));
  ck_assert (klynge_period_overlaps (&ced, &ced));
}
END_TEST

START_TEST (test_period_intersection_keeps_the_bounding_dates)
{
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  KlyngePeriod year_2020 = period_from_text ("2020..2020");
  KlyngePeriod years = period_from_text ("2021..2022");
  KlyngePeriod renewal = period_from_text ("2021-10-01..2022-09-30");
  KlyngePeriod result = period_from_text ("1999..1999");

  ck_assert (klynge_period_intersect (&ced, &year_2020, &result));
  assert_period_text (&result, "2020..2020");
  ck_assert (klynge_period_intersect (&ced, &years, &result));
  assert_period_text (&result, "2021..2021-09-30");
  ck_assert_uint_eq (klynge_period_get_length_days (&result), 273);
  ck_assert (klynge_period_intersect (&years, &ced, &result));
  assert_period_text (&result, "2021..2021-09-30");

  ck_assert (!klynge_period_intersect (&ced, &renewal, &result));
  ck_assert (!klynge_date_is_set (&result.start));
  ck_assert (!klynge_date_is_set (&result.end));
  ck_assert (klynge_period_intersect (&ced, &years, NULL));
}
END_TEST

START_TEST (test_period_split_ced_contract_by_year)
{
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  g_autoptr(GPtrArray) parts = klynge_period_split_by_year (&ced);

  ck_assert_uint_eq (parts->len, 3);
  assert_period_text (g_ptr_array_index (parts, 0), "2019-10-01..2019-12-31");
  assert_period_text (g_ptr_array_index (parts, 1), "2020-01-01..2020-12-31");
  assert_period_text (g_ptr_array_index (parts, 2), "2021-01-01..2021-09-30");
  ck_assert_uint_eq (klynge_period_get_length_days (g_ptr_array_index (parts, 0)), 92);
  ck_assert_uint_eq (klynge_period_get_length_days (g_ptr_array_index (parts, 1)), 366);
  ck_assert_uint_eq (klynge_period_get_length_days (g_ptr_array_index (parts, 2)), 273);
}
END_TEST

START_TEST (test_period_split_within_one_year_gives_one_part)
{
  KlyngePeriod period = period_from_text ("2020-05..2020-06");
  KlyngePeriod year = period_from_text ("2020..2020");
  g_autoptr(GPtrArray) parts = klynge_period_split_by_year (&period);
  g_autoptr(GPtrArray) year_parts = klynge_period_split_by_year (&year);

  ck_assert_uint_eq (parts->len, 1);
  assert_period_text (g_ptr_array_index (parts, 0), "2020-05-01..2020-06-30");
  ck_assert_uint_eq (year_parts->len, 1);
  assert_period_text (g_ptr_array_index (year_parts, 0), "2020-01-01..2020-12-31");
}
END_TEST

START_TEST (test_period_split_parts_outlive_a_stolen_array_slot)
{
  KlyngePeriod period = period_from_text ("2014..2016");
  GPtrArray *parts = klynge_period_split_by_year (&period);
  KlyngePeriod *kept = g_ptr_array_steal_index (parts, 1);

  /* Unreffing frees the parts still in the array (valgrind checks). */
  g_ptr_array_unref (parts);
  assert_period_text (kept, "2015-01-01..2015-12-31");
  klynge_period_free (kept);
}
END_TEST

/* --- pro-rating ------------------------------------------------------- */

START_TEST (test_period_prorate_ced_amount_by_year_in_exact_ore)
{
  static const gint64 expected[] = { 100683994, 400547196, 298768810 };
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  g_autoptr(GPtrArray) parts = klynge_period_split_by_year (&ced);
  gint64 amount, total = 0;
  guint i;

  ck_assert (klynge_money_parse ("8000000.00", &amount, NULL, NULL));
  ck_assert_int_eq (amount, 800000000);
  ck_assert_uint_eq (parts->len, G_N_ELEMENTS (expected));
  for (i = 0; i < parts->len; i++)
    {
      gint64 share = klynge_period_prorate (&ced, amount, g_ptr_array_index (parts, i));

      ck_assert_int_eq (share, expected[i]);
      total += share;
    }
  ck_assert_int_eq (total, 800000000);
}
END_TEST

START_TEST (test_period_prorate_clips_the_part_to_the_period)
{
  KlyngePeriod ced = period_from_text (CED_PERIOD);
  KlyngePeriod wider = period_from_text ("2019..2022");
  KlyngePeriod before = period_from_text ("2018..2019-09-30");
  KlyngePeriod year_2020 = period_from_text ("2020..2020");
  KlyngePeriod from_2020 = period_from_text ("2020..2030");

  ck_assert_int_eq (klynge_period_prorate (&ced, 800000000, &ced), 800000000);
  ck_assert_int_eq (klynge_period_prorate (&ced, 800000000, &wider), 800000000);
  ck_assert_int_eq (klynge_period_prorate (&ced, 800000000, &before), 0);
  ck_assert_int_eq (klynge_period_prorate (&ced, 800000000, &from_2020),
                    800000000 - 100683994);
  ck_assert_int_eq (klynge_period_prorate (&ced, 800000000, &year_2020), 400547196);
  ck_assert_int_eq (klynge_period_prorate (&ced, 0, &year_2020), 0);
  ck_assert_int_eq (klynge_period_prorate (&ced, G_MAXINT64, &ced), G_MAXINT64);

  ck_assert_int_eq (klynge_period_prorate_days (&ced, 731, julian (2020, 1, 1),
                                                julian (2020, 1, 1)), 1);
  ck_assert_int_eq (klynge_period_prorate_days (&ced, 731, julian (2020, 1, 2),
                                                julian (2020, 1, 1)), 0);
  ck_assert_int_eq (klynge_period_prorate_days (&ced, 731, 0, G_MAXUINT32), 731);
}
END_TEST

START_TEST (test_period_prorate_gives_small_amounts_to_late_days)
{
  KlyngePeriod ten_days = period_from_text ("2020-01-01..2020-01-10");
  guint32 first = klynge_period_get_first_day (&ten_days);
  guint i;

  /* 3 øre over 10 days: C(k) = ⌊3k/10⌋ steps up on days 4, 7 and 10. */
  for (i = 0; i < 10; i++)
    {
      gint64 expected = (i == 3 || i == 6 || i == 9) ? 1 : 0;

      ck_assert_int_eq (klynge_period_prorate_days (&ten_days, 3, first + i, first + i),
                        expected);
    }
}
END_TEST

#ifdef __SIZEOF_INT128__
/* ⌊amount × k ÷ n⌋ the obvious way, to check the library's 64-bit form. */
static gint64
reference_cumulative (gint64  amount,
                      guint32 k,
                      guint32 n)
{
  return (gint64) ((unsigned __int128) amount * k / n);
}
#endif

static gint64
random_amount (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      return g_rand_int_range (rand, 0, 1000);
    case 1:
      return G_MAXINT64 - g_rand_int_range (rand, 0, 1000);
    case 2:
      return (gint64) g_rand_int_range (rand, 0, G_MAXINT32) * 100;
    default:
      return (gint64) ((((guint64) g_rand_int (rand) << 32) | g_rand_int (rand)) >> 1);
    }
}

static int
compare_days (const void *a,
              const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* Fills @cuts with up to @n_cuts sorted distinct days in first+1..last,
 * the first days of every part of first..last but the first part; returns
 * how many it made. */
static guint
random_cuts (GRand   *rand,
             guint32  first,
             guint32  last,
             guint32 *cuts,
             guint    n_cuts)
{
  guint i, kept = 0;

  if (first == last)
    return 0;
  for (i = 0; i < n_cuts; i++)
    cuts[i] = g_rand_int_range (rand, first + 1, last + 1);

  qsort (cuts, n_cuts, sizeof cuts[0], compare_days);
  for (i = 0; i < n_cuts; i++)
    if (kept == 0 || cuts[kept - 1] != cuts[i])
      cuts[kept++] = cuts[i];
  return kept;
}

/* Sums the shares of the parts that @cuts makes of first..last. */
static gint64
sum_of_parts (const KlyngePeriod *period,
              gint64              amount,
              guint32             first,
              guint32             last,
              const guint32      *cuts,
              guint               n_cuts)
{
  gint64 sum = 0;
  guint32 part_first = first;
  guint i;

  for (i = 0; i <= n_cuts; i++)
    {
      guint32 part_last = i < n_cuts ? cuts[i] - 1 : last;
      gint64 share = klynge_period_prorate_days (period, amount, part_first, part_last);

      ck_assert_int_ge (share, 0);
      ck_assert_int_le (share, amount);
      sum += share;
      if (i < n_cuts)
        part_first = cuts[i];
    }
  return sum;
}

START_TEST (test_period_prorate_properties_hold_for_random_periods_and_splits)
{
  GRand *rand = g_rand_new_with_seed (20191001);
  guint32 min_day = julian (1990, 1, 1), max_day = julian (2040, 12, 31);
  guint round;

  for (round = 0; round < 3000; round++)
    {
      guint32 first = g_rand_int_range (rand, min_day, max_day);
      guint32 length = round % 10 == 0 ? 1 + round % 3 : (guint32) g_rand_int_range (rand, 1, 4000);
      guint32 last = MIN (first + length - 1, max_day);
      guint32 n = last - first + 1;
      gint64 amount = random_amount (rand);
      guint32 cuts[24], finer[24];
      guint n_cuts, i;
      KlyngePeriod period;
      guint32 a, b;
      gint64 query, shuffled_total = 0;
      guint order[25];

      klynge_period_init_days (&period, first, last);
      ck_assert_uint_eq (klynge_period_get_length_days (&period), n);

      /* Any split sums to exactly the amount. */
      n_cuts = random_cuts (rand, first, last, cuts, g_rand_int_range (rand, 1, 24));
      ck_assert_int_eq (sum_of_parts (&period, amount, first, last, cuts, n_cuts), amount);

      /* The order the parts are asked for does not matter. */
      for (i = 0; i <= n_cuts; i++)
        order[i] = i;
      for (i = n_cuts; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          guint swap = order[i];

          order[i] = order[j];
          order[j] = swap;
        }
      for (i = 0; i <= n_cuts; i++)
        {
          guint k = order[i];
          guint32 part_first = k == 0 ? first : cuts[k - 1];
          guint32 part_last = k == n_cuts ? last : cuts[k] - 1;

          shuffled_total += klynge_period_prorate_days (&period, amount, part_first, part_last);
        }
      ck_assert_int_eq (shuffled_total, amount);

      /* A query for a..b equals the sum of the finer parts a split of
       * a..b gives. */
      a = g_rand_int_range (rand, first, last + 1);
      b = g_rand_int_range (rand, a, last + 1);
      query = klynge_period_prorate_days (&period, amount, a, b);
      n_cuts = random_cuts (rand, a, b, finer, g_rand_int_range (rand, 1, 24));
      ck_assert_int_eq (sum_of_parts (&period, amount, a, b, finer, n_cuts), query);

#ifdef __SIZEOF_INT128__
      /* ... and is exactly C(b) − C(a − 1), within one øre of the exact
       * real share. */
      ck_assert_int_eq (query, reference_cumulative (amount, b - first + 1, n) -
                               reference_cumulative (amount, a - first, n));
      {
        __int128 scaled = (__int128) query * n - (__int128) amount * (b - a + 1);

        ck_assert (scaled > -(__int128) n && scaled < (__int128) n);
      }
#endif
    }

  g_rand_free (rand);
}
END_TEST

START_TEST (test_period_prorate_by_year_sums_to_the_amount_for_random_periods)
{
  GRand *rand = g_rand_new_with_seed (731);
  guint round;

  for (round = 0; round < 500; round++)
    {
      guint32 first = g_rand_int_range (rand, julian (1000, 1, 1), julian (9990, 1, 1));
      guint32 last = first + g_rand_int_range (rand, 0, 3660);
      gint64 amount = random_amount (rand);
      g_autoptr(GPtrArray) parts = NULL;
      KlyngePeriod period;
      gint64 total = 0;
      guint i;

      klynge_period_init_days (&period, first, last);
      parts = klynge_period_split_by_year (&period);
      for (i = 0; i < parts->len; i++)
        total += klynge_period_prorate (&period, amount, g_ptr_array_index (parts, i));
      ck_assert_int_eq (total, amount);
    }

  g_rand_free (rand);
}
END_TEST

static Suite *
period_suite (void)
{
  Suite *suite = suite_create ("period");
  TCase *build = tcase_create ("build");
  TCase *days = tcase_create ("days");
  TCase *prorate = tcase_create ("prorate");

  tcase_add_test (build, test_period_ced_contract_has_731_days);
  tcase_add_test (build, test_period_partial_end_stands_for_its_last_day);
  tcase_add_loop_test (build, test_period_text_round_trips_in_each_precision,
                       0, G_N_ELEMENTS (good_periods));
  tcase_add_loop_test (build, test_period_new_from_string_rejects_bad_text,
                       0, G_N_ELEMENTS (bad_periods));
  tcase_add_test (build, test_period_init_rejects_end_before_start);
  tcase_add_test (build, test_period_init_rejects_unset_dates);
  tcase_add_test (build, test_period_init_rejects_impossible_dates);
  tcase_add_test (build, test_period_init_days_uses_day_precision);
  tcase_add_test (build, test_period_zero_filled_is_empty);
  tcase_add_test (build, test_period_boxed_type_copies_and_compares_with_precision);
  suite_add_tcase (suite, build);

  tcase_add_test (days, test_period_contains_ends_and_first_days_of_partial_dates);
  tcase_add_test (days, test_period_overlaps_needs_a_shared_day);
  tcase_add_test (days, test_period_intersection_keeps_the_bounding_dates);
  tcase_add_test (days, test_period_split_ced_contract_by_year);
  tcase_add_test (days, test_period_split_within_one_year_gives_one_part);
  tcase_add_test (days, test_period_split_parts_outlive_a_stolen_array_slot);
  suite_add_tcase (suite, days);

  tcase_add_test (prorate, test_period_prorate_ced_amount_by_year_in_exact_ore);
  tcase_add_test (prorate, test_period_prorate_clips_the_part_to_the_period);
  tcase_add_test (prorate, test_period_prorate_gives_small_amounts_to_late_days);
  tcase_add_test (prorate, test_period_prorate_properties_hold_for_random_periods_and_splits);
  tcase_add_test (prorate, test_period_prorate_by_year_sums_to_the_amount_for_random_periods);
  /* Slow machines and valgrind runs. */
  tcase_set_timeout (prorate, 60);
  suite_add_tcase (suite, prorate);

  return suite;
}

int
main (void)
{
  return klynge_test_run (period_suite ());
}
