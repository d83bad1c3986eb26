/* test-contract.c: KlyngeContract and KlyngeShare
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-test.h"
#include "klynge-private.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Cluster Excellence Denmark's two-year contract from 1 October 2019:
 * 8,000,000.00 DKK, half from each agency. */
static const KlyngePeriod ced_period = { { 2019, 10, 1 }, { 2021, 9, 30 } };

static KlyngeContract *
new_ced_contract (void)
{
  KlyngeContract *contract = klynge_contract_new ("ced-2019", "ced", &ced_period, 800000000);
  g_autoptr(KlyngeShare) siu = klynge_share_new ("siu", 5000, NULL);
  g_autoptr(KlyngeShare) es = klynge_share_new ("es", 5000, NULL);

  ck_assert (klynge_contract_add_share (contract, siu, NULL));
  ck_assert (klynge_contract_add_share (contract, es, NULL));
  return contract;
}

/* A contract of @amount øre with the given shares, named a, b, c, ... */
static KlyngeContract *
new_split_contract (gint64       amount,
                    const guint *basis_points,
                    guint        n_shares)
{
  KlyngeContract *contract = klynge_contract_new ("c", "o", &ced_period, amount);

  for (guint i = 0; i < n_shares; i++)
    {
      char source[] = { (char) ('a' + i), '\0' };
      g_autoptr(KlyngeShare) share = klynge_share_new (source, basis_points[i], NULL);

      ck_assert (klynge_contract_add_share (contract, share, NULL));
    }

  return contract;
}

/* --- construction and properties ----------------------------------------- */

START_TEST (test_contract_new_sets_holder_period_and_amount_with_no_shares)
{
  g_autoptr(KlyngeContract) contract =
    klynge_contract_new ("ced-2019", "ced", &ced_period, 800000000);

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (contract)), "ced-2019");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (contract)), "contract");
  ck_assert_str_eq (klynge_contract_get_holder (contract), "ced");
  ck_assert (klynge_period_equal (klynge_contract_get_period (contract), &ced_period));
  ck_assert_int_eq (klynge_contract_get_amount (contract), 800000000);
  ck_assert_ptr_null (klynge_contract_get_renews (contract));
  ck_assert_uint_eq (klynge_contract_get_shares (contract)->len, 0);
  ck_assert_uint_eq (klynge_contract_get_shares_total (contract), 0);
  ck_assert_uint_eq (_klynge_contract_get_amount_decimals (contract), 2);
}
END_TEST

START_TEST (test_contract_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngePeriod backwards = { { 2021, 9, 30 }, { 2019, 10, 1 } };
  KlyngeContract *contract = NULL;

  assert_critical (contract = klynge_contract_new ("c:1", "ced", &ced_period, 1));
  ck_assert_ptr_null (contract);
  assert_critical (contract = klynge_contract_new ("c", "1ced", &ced_period, 1));
  ck_assert_ptr_null (contract);
  assert_critical (contract = klynge_contract_new ("c", "ced", &backwards, 1));
  ck_assert_ptr_null (contract);
  assert_critical (contract = klynge_contract_new ("c", "ced", NULL, 1));
  ck_assert_ptr_null (contract);
  assert_critical (contract = klynge_contract_new ("c", "ced", &ced_period, -1));
  ck_assert_ptr_null (contract);
}
END_TEST

START_TEST (test_contract_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeContract) contract =
    klynge_contract_new ("ced-2021", "ced", &ced_period, 800000000);
  KlyngePeriod renewal = { { 2021, 10, 1 }, { 2022, 9, 30 } };
  g_autofree char *holder = NULL, *renews = NULL;
  g_autoptr(KlyngePeriod) period = NULL;
  gint64 amount = 0;
  guint notified = 0;

  g_signal_connect (contract, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (contract,
                "holder", "ecd",
                "period", &renewal,
                "amount", (gint64) 400000000,
                "renews", "ced-2019",
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_set (contract,
                "holder", "ecd",
                "period", &renewal,
                "amount", (gint64) 400000000,
                "renews", "ced-2019",
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_get (contract,
                "holder", &holder,
                "period", &period,
                "amount", &amount,
                "renews", &renews,
                NULL);
  ck_assert_str_eq (holder, "ecd");
  ck_assert (klynge_period_equal (period, &renewal));
  ck_assert_int_eq (amount, 400000000);
  ck_assert_str_eq (renews, "ced-2019");

  g_object_set (contract, "renews", NULL, NULL);
  ck_assert_ptr_null (klynge_contract_get_renews (contract));
  ck_assert_uint_eq (notified, 5);
}
END_TEST

START_TEST (test_contract_amount_decimals_are_kept_for_saving)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();

  _klynge_contract_set_amount_decimals (contract, 0);
  ck_assert_uint_eq (_klynge_contract_get_amount_decimals (contract), 0);
  _klynge_contract_set_amount_decimals (contract, 1);
  ck_assert_uint_eq (_klynge_contract_get_amount_decimals (contract), 1);
}
END_TEST

/* --- setters that refuse -------------------------------------------------- */

START_TEST (test_contract_set_amount_rejects_negative_amount_and_keeps_the_old_one)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  GError *error = NULL;

  ck_assert (!klynge_contract_set_amount (contract, -1, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_MONEY);
  ck_assert (!klynge_contract_set_amount (contract, G_MININT64, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_MONEY);
  ck_assert_int_eq (klynge_contract_get_amount (contract), 800000000);

  ck_assert (klynge_contract_set_amount (contract, 0, &error));
  ck_assert (klynge_contract_set_amount (contract, KLYNGE_MONEY_MAX, &error));
  ck_assert_no_error (error);
}
END_TEST

static const struct {
  KlyngePeriod period;
  int code;
} bad_periods[] = {
  { { { 2021, 9, 30 }, { 2019, 10, 1 } }, KLYNGE_ERROR_BAD_PERIOD },
  { { { 2019, 10, 2 }, { 2019, 10, 1 } }, KLYNGE_ERROR_BAD_PERIOD },
  { { { 2019, 10, 1 }, { 0, 0, 0 } }, KLYNGE_ERROR_BAD_PERIOD },
  { { { 0, 0, 0 }, { 2021, 9, 30 } }, KLYNGE_ERROR_BAD_PERIOD },
  { { { 2019, 2, 29 }, { 2021, 9, 30 } }, KLYNGE_ERROR_BAD_DATE },
  { { { 2019, 10, 1 }, { 2021, 9, 31 } }, KLYNGE_ERROR_BAD_DATE },
};

START_TEST (test_contract_set_period_rejects_invalid_periods_and_keeps_the_old_one)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  GError *error = NULL;
  guint notified = 0;

  g_signal_connect (contract, "notify", G_CALLBACK (count_notify), &notified);
  ck_assert (!klynge_contract_set_period (contract, &bad_periods[_i].period, &error));
  ck_assert_klynge_error (error, bad_periods[_i].code);
  ck_assert (klynge_period_equal (klynge_contract_get_period (contract), &ced_period));
  ck_assert_uint_eq (notified, 0);
}
END_TEST

START_TEST (test_contract_period_may_use_partial_dates)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  KlyngePeriod year = { { 2024, 0, 0 }, { 2024, 0, 0 } };
  GError *error = NULL;

  ck_assert (klynge_contract_set_period (contract, &year, &error));
  ck_assert_no_error (error);
  ck_assert (klynge_period_equal (klynge_contract_get_period (contract), &year));
}
END_TEST

typedef gboolean (*IdSetter) (KlyngeContract *self,
                              const char     *value,
                              GError        **error);

static const struct {
  IdSetter set;
  const char *value;
  int code;
} bad_ids[] = {
  { klynge_contract_set_holder, "", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_holder, "1ced", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_holder, "ced 2", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_holder, "x:ced", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_renews, "", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_renews, "-ced", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_renews, "ced\xff", KLYNGE_ERROR_BAD_ID },
  { klynge_contract_set_renews, "ced-2019", KLYNGE_ERROR_INCONSISTENT },     /* itself */
};

START_TEST (test_contract_reference_setters_reject_bad_ids_and_change_nothing)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_contract_set_renews (contract, "ced-2017", NULL));
  g_signal_connect (contract, "notify", G_CALLBACK (count_notify), &notified);

  ck_assert (!bad_ids[_i].set (contract, bad_ids[_i].value, &error));
  ck_assert_klynge_error (error, bad_ids[_i].code);
  ck_assert_str_eq (klynge_contract_get_holder (contract), "ced");
  ck_assert_str_eq (klynge_contract_get_renews (contract), "ced-2017");
  ck_assert_uint_eq (notified, 0);
}
END_TEST

/* --- shares --------------------------------------------------------------- */

static const struct {
  const char *source;
  guint basis_points;
  int code;
} bad_shares[] = {
  { "", 5000, KLYNGE_ERROR_BAD_ID },
  { "9siu", 5000, KLYNGE_ERROR_BAD_ID },
  { "siu es", 5000, KLYNGE_ERROR_BAD_ID },
  { "siu", 10001, KLYNGE_ERROR_BAD_PERCENT },
  { "siu", G_MAXUINT, KLYNGE_ERROR_BAD_PERCENT },
};

START_TEST (test_share_new_rejects_bad_source_and_percent_above_100)
{
  GError *error = NULL;
  KlyngeShare *share = klynge_share_new (bad_shares[_i].source, bad_shares[_i].basis_points, &error);

  ck_assert_ptr_null (share);
  ck_assert_klynge_error (error, bad_shares[_i].code);
}
END_TEST

START_TEST (test_share_keeps_its_values_and_is_refcounted)
{
  KlyngeShare *share = klynge_share_new ("siu", 10000, NULL);
  KlyngeShare *full = _klynge_share_new_full ("es", 5000, 0);
  KlyngeShare *copy;

  ck_assert_str_eq (klynge_share_get_source (share), "siu");
  ck_assert_uint_eq (klynge_share_get_basis_points (share), 10000);
  ck_assert_uint_eq (_klynge_share_get_decimals (share), 2);
  ck_assert_uint_eq (_klynge_share_get_decimals (full), 0);

  ck_assert_ptr_eq (klynge_share_ref (share), share);
  klynge_share_unref (share);
  copy = g_boxed_copy (KLYNGE_TYPE_SHARE, share);
  ck_assert_ptr_eq (copy, share);
  g_boxed_free (KLYNGE_TYPE_SHARE, copy);

  klynge_share_unref (share);
  klynge_share_unref (full);
}
END_TEST

START_TEST (test_contract_shares_keep_order_and_hold_references)
{
  g_autoptr(KlyngeContract) contract = klynge_contract_new ("c", "o", &ced_period, 100);
  KlyngeShare *siu = klynge_share_new ("siu", 2500, NULL);
  KlyngeShare *es = klynge_share_new ("es", 7500, NULL);
  GPtrArray *shares;

  ck_assert (klynge_contract_add_share (contract, siu, NULL));
  ck_assert (klynge_contract_add_share (contract, es, NULL));
  klynge_share_unref (siu);
  klynge_share_unref (es);

  shares = klynge_contract_get_shares (contract);
  ck_assert_uint_eq (shares->len, 2);
  ck_assert_str_eq (klynge_share_get_source (g_ptr_array_index (shares, 0)), "siu");
  ck_assert_str_eq (klynge_share_get_source (g_ptr_array_index (shares, 1)), "es");
  ck_assert_uint_eq (klynge_contract_get_shares_total (contract), 10000);

  klynge_contract_clear_shares (contract);
  ck_assert_uint_eq (klynge_contract_get_shares (contract)->len, 0);
}
END_TEST

START_TEST (test_contract_add_share_rejects_a_second_share_from_the_same_source)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  g_autoptr(KlyngeShare) again = klynge_share_new ("siu", 0, NULL);
  GError *error = NULL;

  ck_assert (!klynge_contract_add_share (contract, again, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_DUPLICATE_ID);
  ck_assert_uint_eq (klynge_contract_get_shares (contract)->len, 2);
  ck_assert_uint_eq (klynge_contract_get_shares_total (contract), 10000);
}
END_TEST

static const struct {
  guint basis_points[3];
  guint n_shares;
  int code;     /* 0: the shares are complete */
} share_sets[] = {
  { { 0 }, 0, KLYNGE_ERROR_MISSING_ELEMENT },
  { { 5000, 4999 }, 2, KLYNGE_ERROR_SHARES_NOT_100 },
  { { 5000, 5001 }, 2, KLYNGE_ERROR_SHARES_NOT_100 },
  { { 0 }, 1, KLYNGE_ERROR_SHARES_NOT_100 },
  { { 10000, 10000 }, 2, KLYNGE_ERROR_SHARES_NOT_100 },
  { { 10000 }, 1, 0 },
  { { 5000, 5000 }, 2, 0 },
  { { 3333, 3333, 3334 }, 3, 0 },
  { { 10000, 0 }, 2, 0 },
};

START_TEST (test_contract_check_shares_requires_shares_summing_to_exactly_100)
{
  g_autoptr(KlyngeContract) contract =
    new_split_contract (100, share_sets[_i].basis_points, share_sets[_i].n_shares);
  GError *error = NULL;

  if (share_sets[_i].code == 0)
    {
      ck_assert (klynge_contract_check_shares (contract, &error));
      ck_assert_no_error (error);
      ck_assert_uint_eq (klynge_contract_get_shares_total (contract), 10000);
    }
  else
    {
      ck_assert (!klynge_contract_check_shares (contract, &error));
      ck_assert_klynge_error (error, share_sets[_i].code);
    }
}
END_TEST

START_TEST (test_contract_check_shares_says_what_the_shares_sum_to)
{
  static const guint thirds[] = { 3333, 3333, 3333 };
  g_autoptr(KlyngeContract) contract = new_split_contract (100, thirds, G_N_ELEMENTS (thirds));
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_contract_check_shares (contract, &error));
  ck_assert_str_eq (error->message, "The shares of contract “c” sum to 99.99 %, not 100 %");
}
END_TEST

/* --- money ---------------------------------------------------------------- */

START_TEST (test_contract_ced_shares_are_400000000_ore_each)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();

  ck_assert_int_eq (klynge_contract_share_amount (contract, "siu"), 400000000);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "es"), 400000000);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "ufm"), 0);
}
END_TEST

START_TEST (test_contract_ced_share_per_year_parts_sum_exactly_to_the_share)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  g_autoptr(GPtrArray) years = klynge_period_split_by_year (&ced_period);
  static const gint64 expected[] = { 50341997, 200273598, 149384405 };
  const char *sources[] = { "siu", "es" };

  ck_assert_uint_eq (years->len, 3);
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      gint64 sum = 0;

      for (guint y = 0; y < years->len; y++)
        {
          gint64 part = klynge_contract_share_amount_in_period (contract, sources[s],
                                                                g_ptr_array_index (years, y));

          ck_assert_int_eq (part, expected[y]);
          sum += part;
        }
      ck_assert_int_eq (sum, 400000000);
    }
}
END_TEST

START_TEST (test_contract_amount_per_year_sums_exactly_to_the_amount)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  g_autoptr(GPtrArray) years = klynge_period_split_by_year (&ced_period);
  static const gint64 expected[] = { 100683994, 400547196, 298768810 };
  gint64 sum = 0;

  for (guint y = 0; y < years->len; y++)
    {
      gint64 part = klynge_contract_amount_in_period (contract, g_ptr_array_index (years, y));

      ck_assert_int_eq (part, expected[y]);
      sum += part;
    }
  ck_assert_int_eq (sum, 800000000);
  ck_assert_int_eq (klynge_contract_amount_in_period (contract, &ced_period), 800000000);
}
END_TEST

START_TEST (test_contract_amounts_outside_the_contract_period_are_zero)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  KlyngePeriod before = { { 2018, 0, 0 }, { 2019, 9, 30 } };
  KlyngePeriod after = { { 2021, 10, 1 }, { 2022, 0, 0 } };

  ck_assert_int_eq (klynge_contract_amount_in_period (contract, &before), 0);
  ck_assert_int_eq (klynge_contract_amount_in_period (contract, &after), 0);
  ck_assert_int_eq (klynge_contract_share_amount_in_period (contract, "siu", &before), 0);
  ck_assert_int_eq (klynge_contract_share_amount_in_period (contract, "ufm", &ced_period), 0);
}
END_TEST

START_TEST (test_contract_share_amount_gives_leftover_ore_to_largest_remainder)
{
  static const guint thirds[] = { 3333, 3333, 3334 };
  g_autoptr(KlyngeContract) contract = new_split_contract (100, thirds, 3);

  ck_assert_int_eq (klynge_contract_share_amount (contract, "a"), 33);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "b"), 33);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "c"), 34);
}
END_TEST

START_TEST (test_contract_share_amount_gives_leftover_ore_to_the_earlier_share_on_ties)
{
  static const guint thirds[] = { 3333, 3333, 3334 };
  g_autoptr(KlyngeContract) contract = new_split_contract (200, thirds, 3);

  /* 66.66, 66.66, 66.68: two øre left over, for c (largest remainder)
   * and then a (tied with b, but earlier). */
  ck_assert_int_eq (klynge_contract_share_amount (contract, "a"), 67);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "b"), 66);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "c"), 67);
}
END_TEST

static const struct {
  gint64 amount;
  guint basis_points[3];
  guint n_shares;
} splits[] = {
  { 100, { 3333, 3333, 3334 }, 3 },
  { 100, { 3334, 3333, 3333 }, 3 },
  { 1, { 3333, 3333, 3334 }, 3 },
  { 2, { 5000, 5000 }, 2 },
  { 1, { 5000, 5000 }, 2 },
  { 0, { 2500, 7500 }, 2 },
  { 999999999, { 1, 9998, 1 }, 3 },
  { 800000000, { 5000, 5000 }, 2 },
  { KLYNGE_MONEY_MAX, { 5000, 5000 }, 2 },
  { KLYNGE_MONEY_MAX, { 3333, 3333, 3334 }, 3 },
  { KLYNGE_MONEY_MAX, { 10000 }, 1 },
};

START_TEST (test_contract_share_amounts_always_sum_to_the_amount)
{
  g_autoptr(KlyngeContract) contract =
    new_split_contract (splits[_i].amount, splits[_i].basis_points, splits[_i].n_shares);
  gint64 sum = 0;

  for (guint i = 0; i < splits[_i].n_shares; i++)
    {
      char source[] = { (char) ('a' + i), '\0' };
      gint64 part = klynge_contract_share_amount (contract, source);
      guint bp = splits[_i].basis_points[i];
      gint64 floor_part = splits[_i].amount / 10000 * bp +
                          splits[_i].amount % 10000 * bp / 10000;

      /* Each part is its exact value rounded down or up. */
      ck_assert_int_ge (part - floor_part, 0);
      ck_assert_int_le (part - floor_part, 1);
      sum += part;
    }
  ck_assert_int_eq (sum, splits[_i].amount);
}
END_TEST

START_TEST (test_contract_share_amount_of_one_ore_split_in_halves_goes_to_the_first)
{
  static const guint halves[] = { 5000, 5000 };
  g_autoptr(KlyngeContract) contract = new_split_contract (1, halves, 2);

  ck_assert_int_eq (klynge_contract_share_amount (contract, "a"), 1);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "b"), 0);
}
END_TEST

START_TEST (test_contract_share_amount_of_the_largest_amount_does_not_overflow)
{
  static const guint halves[] = { 5000, 5000 };
  g_autoptr(KlyngeContract) contract = new_split_contract (KLYNGE_MONEY_MAX, halves, 2);

  ck_assert_int_eq (klynge_contract_share_amount (contract, "a"), KLYNGE_MONEY_MAX / 2 + 1);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "b"), KLYNGE_MONEY_MAX / 2);
}
END_TEST

/* --- equal shares ---------------------------------------------------------- */

/* Contract "c" of @amount øre with shares written "siu:5000,es:5000". */
static KlyngeContract *
new_contract_with_shares (gint64      amount,
                          const char *shares)
{
  KlyngeContract *contract = klynge_contract_new ("c", "o", &ced_period, amount);
  g_auto(GStrv) parts = g_strsplit (shares, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 2);
      g_autoptr(KlyngeShare) share = klynge_share_new (pair[0], (guint) atoi (pair[1]), NULL);

      ck_assert (klynge_contract_add_share (contract, share, NULL));
    }
  return contract;
}

static const struct {
  const char *shares;
  const char *named;     /* comma-separated; NULL: all */
  gboolean equal;
} equal_cases[] = {
  { "siu:5000,es:5000", NULL, TRUE },
  { "siu:5000,es:5000", "siu,es", TRUE },
  { "siu:5000,es:5000", "es,siu", TRUE },
  { "siu:5000,es:5000", "siu", TRUE },
  { "siu:10000", NULL, TRUE },
  { "siu:6000,es:4000", NULL, FALSE },
  { "siu:6000,es:4000", "siu,es", FALSE },
  { "siu:5000,es:5000", "siu,deb", FALSE },          /* deb has no share */
  { "siu:3333,es:3333,deb:3334", NULL, FALSE },
  { "siu:3333,es:3333,deb:3334", "siu,es", TRUE },
  { "siu:4000,es:4000,deb:2000", "siu,es", TRUE },
  { "siu:4000,es:4000,deb:2000", "siu,es,deb", FALSE },
};

START_TEST (test_contract_check_equal_shares_requires_named_cofunders_to_pay_the_same_percent)
{
  g_autoptr(KlyngeContract) contract = new_contract_with_shares (100001, equal_cases[_i].shares);
  g_auto(GStrv) named = equal_cases[_i].named ? g_strsplit (equal_cases[_i].named, ",", -1) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean equal = klynge_contract_check_equal_shares (contract, (const char * const *) named, &error);

  ck_assert_int_eq (equal, equal_cases[_i].equal);
  if (equal)
    ck_assert_no_error (error);
  else
    {
      ck_assert_msg (strstr (error->message, "“c”") != NULL, "%s", error->message);
      ck_assert_klynge_error (error, KLYNGE_ERROR_SHARES_NOT_EQUAL);
    }
}
END_TEST

START_TEST (test_equal_shares_pay_amounts_at_most_one_ore_apart)
{
  g_autoptr(KlyngeContract) contract = new_contract_with_shares (100001, "siu:5000,es:5000");

  ck_assert (klynge_contract_check_equal_shares (contract, NULL, NULL));
  ck_assert_int_eq (klynge_contract_share_amount (contract, "siu"), 50001);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "es"), 50000);
}
END_TEST

/* --- mergers ------------------------------------------------------------------- */

/* The CED contract (2019-10-01..2021-09-30, held by ced) in a merger of
 * @predecessors on @effective. */
static const struct {
  const char *what;
  const char *predecessors[3];
  const char *effective;
  gboolean moves;
} moving_cases[] = {
  { "held by a predecessor, running on the effective date", { "ced", "b" }, "2020-07-01", TRUE },
  { "held by a predecessor, ending on the effective date", { "b", "ced" }, "2021-09-30", TRUE },
  { "held by a predecessor, ended the day before", { "ced", "b" }, "2021-10-01", FALSE },
  { "held by a predecessor, not yet begun: moves whole", { "ced" }, "2019-01-01", TRUE },
  { "a month stands for its first day, in the period", { "ced" }, "2021-09", TRUE },
  { "a month stands for its first day, after the period", { "ced" }, "2021-10", FALSE },
  { "a year stands for its first day", { "ced" }, "2021", TRUE },
  { "held by an organisation that is not a predecessor", { "a", "b" }, "2020-07-01", FALSE },
  { "no predecessors", { NULL }, "2020-07-01", FALSE },
};

START_TEST (test_contract_moves_to_successor_when_held_by_a_predecessor_and_not_ended_before_the_merger)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  KlyngeDate effective = klynge_test_date (moving_cases[_i].effective);

  ck_assert_msg (klynge_contract_moves_to_successor (contract, moving_cases[_i].predecessors, &effective)
                 == moving_cases[_i].moves, "%s", moving_cases[_i].what);
}
END_TEST

START_TEST (test_contract_moves_to_successor_without_predecessors_or_date_is_a_programmer_error)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  static const char * const predecessors[] = { "ced", NULL };
  KlyngeDate effective = { 2020, 7, 1 }, unset = { 0, 0, 0 };
  gboolean moves = TRUE;

  assert_critical (moves = klynge_contract_moves_to_successor (contract, NULL, &effective));
  ck_assert (!moves);
  moves = TRUE;
  assert_critical (moves = klynge_contract_moves_to_successor (contract, predecessors, &unset));
  ck_assert (!moves);
}
END_TEST

/* --- amounts not known ------------------------------------------------------- */

START_TEST (test_contract_of_unknown_amount_gives_minus_one_for_every_amount)
{
  g_autoptr(KlyngeContract) contract = new_ced_contract ();
  KlyngePeriod in_2020 = { { 2020, 1, 1 }, { 2020, 12, 31 } };
  guint notified = 0;
  gint64 amount = 0;

  g_signal_connect (contract, "notify::amount", G_CALLBACK (count_notify), &notified);
  ck_assert (klynge_contract_has_amount (contract));
  klynge_contract_set_amount_unknown (contract);
  klynge_contract_set_amount_unknown (contract);
  ck_assert_uint_eq (notified, 1);
  ck_assert (!klynge_contract_has_amount (contract));
  ck_assert_int_eq (klynge_contract_get_amount (contract), -1);
  ck_assert_int_eq (klynge_contract_amount_in_period (contract, &in_2020), -1);
  ck_assert_int_eq (klynge_contract_share_amount (contract, "siu"), -1);
  ck_assert_int_eq (klynge_contract_share_amount_in_period (contract, "es", &in_2020), -1);
  /* a source without a share pays nothing, known or not */
  ck_assert_int_eq (klynge_contract_share_amount (contract, "deb"), 0);
  g_object_get (contract, "amount", &amount, NULL);
  ck_assert_int_eq (amount, -1);

  ck_assert (klynge_contract_set_amount (contract, 100, NULL));
  ck_assert (klynge_contract_has_amount (contract));
  ck_assert_int_eq (klynge_contract_share_amount (contract, "siu"), 50);
  g_object_set (contract, "amount", (gint64) -1, NULL);
  ck_assert (!klynge_contract_has_amount (contract));
  ck_assert_uint_eq (notified, 3);
}
END_TEST

/* A canonical version 2 document, so that it saves back byte for byte. */
static const char unknown_amount_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                 /*  1 */
  "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"2\">\n"                /*  2 */
  "  <funding-sources>\n"                                                      /*  3 */
  "    <funding-source id=\"deb\" kind=\"national-agency\">\n"                  /*  4 */
  "      <name>Danmarks Erhvervsfremmebestyrelse</name>\n"                     /*  5 */
  "    </funding-source>\n"                                                    /*  6 */
  "  </funding-sources>\n"                                                     /*  7 */
  "  <organisations>\n"                                                        /*  8 */
  "    <organisation id=\"ecd\" kind=\"cluster\" founded=\"2020-07-01\">\n"     /*  9 */
  "      <name>Energy Cluster Denmark</name>\n"                                /* 10 */
  "    </organisation>\n"                                                      /* 11 */
  "  </organisations>\n"                                                       /* 12 */
  "  <contracts>\n"                                                            /* 13 */
  "    <contract id=\"ecd-deb-2021\" holder=\"ecd\" start=\"2021-01-01\" end=\"2024-12-31\">\n" /* 14 */
  "      <share source=\"deb\" percent=\"100.00\"/>\n"                          /* 15 */
  "      <note>The grant is public; its amount is not.</note>\n"               /* 16 */
  "    </contract>\n"                                                          /* 17 */
  "  </contracts>\n"                                                           /* 18 */
  "</landscape>\n";

static KlyngeLandscape *
load_document (const char  *document,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));

  return klynge_landscape_load_bytes (bytes, "test.xml", NULL, error);
}

START_TEST (test_contract_without_amount_loads_and_saves_back_as_version_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_document (unknown_amount_document, &error);
  g_autoptr(GBytes) saved = NULL;
  KlyngeContract *contract;

  ck_assert_no_error (error);
  contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "ecd-deb-2021"));
  ck_assert (!klynge_contract_has_amount (contract));
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_bytes_get_size (saved), strlen (unknown_amount_document));
  ck_assert (memcmp (g_bytes_get_data (saved, NULL), unknown_amount_document, strlen (unknown_amount_document)) == 0);
}
END_TEST

START_TEST (test_contract_given_an_amount_saves_as_version_1_again)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = load_document (unknown_amount_document, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;

  ck_assert_no_error (error);
  ck_assert (klynge_contract_set_amount (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "ecd-deb-2021")),
                                         8000000000, &error));
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  ck_assert_ptr_nonnull (strstr (text, "version=\"1\">\n"));
  ck_assert_ptr_nonnull (strstr (text, "end=\"2024-12-31\" amount=\"80000000.00\">\n"));
}
END_TEST

/* The document above, changed: what a reader refuses, with its code and
 * line. */
static const struct {
  const char *what;
  const char *from, *to;
  KlyngeError code;
  guint line;
} unknown_amount_refusals[] = {
  { "a version 1 document leaving the amount out",
    "version=\"2\"", "version=\"1\"", KLYNGE_ERROR_MISSING_ATTRIBUTE, 14 },
  { "a contract of unknown amount without a note saying why",
    "      <note>The grant is public; its amount is not.</note>\n", "", KLYNGE_ERROR_MISSING_ELEMENT, 14 },
};

START_TEST (test_contract_without_amount_is_refused_where_the_format_does_not_allow_it)
{
  g_autoptr(GString) document = g_string_new (unknown_amount_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  g_autofree char *at_line = g_strdup_printf ("test.xml:%u:", unknown_amount_refusals[_i].line);

  ck_assert_uint_eq (g_string_replace (document, unknown_amount_refusals[_i].from, unknown_amount_refusals[_i].to, 1), 1);
  landscape = load_document (document->str, &error);
  ck_assert_msg (landscape == NULL, "%s was loaded", unknown_amount_refusals[_i].what);
  ck_assert_msg (g_error_matches (error, KLYNGE_ERROR, unknown_amount_refusals[_i].code),
                 "%s: %s", unknown_amount_refusals[_i].what, error->message);
  ck_assert_msg (g_str_has_prefix (error->message, at_line), "%s: %s", unknown_amount_refusals[_i].what,
                 error->message);
}
END_TEST

static Suite *
contract_suite (void)
{
  Suite *suite = suite_create ("contract");
  TCase *tc;

  tc = tcase_create ("contract");
  tcase_add_test (tc, test_contract_new_sets_holder_period_and_amount_with_no_shares);
  tcase_add_test (tc, test_contract_new_with_invalid_arguments_is_a_programmer_error);
  tcase_add_test (tc, test_contract_properties_round_trip_and_notify_only_on_change);
  tcase_add_test (tc, test_contract_amount_decimals_are_kept_for_saving);
  tcase_add_test (tc, test_contract_set_amount_rejects_negative_amount_and_keeps_the_old_one);
  tcase_add_loop_test (tc, test_contract_set_period_rejects_invalid_periods_and_keeps_the_old_one,
                       0, G_N_ELEMENTS (bad_periods));
  tcase_add_test (tc, test_contract_period_may_use_partial_dates);
  tcase_add_loop_test (tc, test_contract_reference_setters_reject_bad_ids_and_change_nothing,
                       0, G_N_ELEMENTS (bad_ids));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("shares");
  tcase_add_loop_test (tc, test_share_new_rejects_bad_source_and_percent_above_100,
                       0, G_N_ELEMENTS (bad_shares));
  tcase_add_test (tc, test_share_keeps_its_values_and_is_refcounted);
  tcase_add_test (tc, test_contract_shares_keep_order_and_hold_references);
  tcase_add_test (tc, test_contract_add_share_rejects_a_second_share_from_the_same_source);
  tcase_add_loop_test (tc, test_contract_check_shares_requires_shares_summing_to_exactly_100,
                       0, G_N_ELEMENTS (share_sets));
  tcase_add_test (tc, test_contract_check_shares_says_what_the_shares_sum_to);
  tcase_add_loop_test (tc, test_contract_check_equal_shares_requires_named_cofunders_to_pay_the_same_percent,
                       0, G_N_ELEMENTS (equal_cases));
  tcase_add_test (tc, test_equal_shares_pay_amounts_at_most_one_ore_apart);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("money");
  tcase_add_test (tc, test_contract_ced_shares_are_400000000_ore_each);
  tcase_add_test (tc, test_contract_ced_share_per_year_parts_sum_exactly_to_the_share);
  tcase_add_test (tc, test_contract_amount_per_year_sums_exactly_to_the_amount);
  tcase_add_test (tc, test_contract_amounts_outside_the_contract_period_are_zero);
  tcase_add_test (tc, test_contract_share_amount_gives_leftover_ore_to_largest_remainder);
  tcase_add_test (tc, test_contract_share_amount_gives_leftover_ore_to_the_earlier_share_on_ties);
  tcase_add_loop_test (tc, test_contract_share_amounts_always_sum_to_the_amount,
                       0, G_N_ELEMENTS (splits));
  tcase_add_test (tc, test_contract_share_amount_of_one_ore_split_in_halves_goes_to_the_first);
  tcase_add_test (tc, test_contract_share_amount_of_the_largest_amount_does_not_overflow);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("unknown-amount");
  tcase_add_test (tc, test_contract_of_unknown_amount_gives_minus_one_for_every_amount);
  tcase_add_test (tc, test_contract_without_amount_loads_and_saves_back_as_version_2);
  tcase_add_test (tc, test_contract_given_an_amount_saves_as_version_1_again);
  tcase_add_loop_test (tc, test_contract_without_amount_is_refused_where_the_format_does_not_allow_it,
                       0, G_N_ELEMENTS (unknown_amount_refusals));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("mergers");
  tcase_add_loop_test (tc, test_contract_moves_to_successor_when_held_by_a_predecessor_and_not_ended_before_the_merger,
                       0, G_N_ELEMENTS (moving_cases));
  tcase_add_test (tc, test_contract_moves_to_successor_without_predecessors_or_date_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (contract_suite ());
}
