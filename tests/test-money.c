/* test-money.c: amounts in øre and percents in basis points
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "klynge-private.h"
#include "klynge-test.h"

/* --- amounts ------------------------------------------------------------ */

static const struct {
  const char *text;
  gint64 ore;
  guint decimals;
} good_amounts[] = {
  { "0", 0, 0 },
  { "0.0", 0, 1 },
  { "0.00", 0, 2 },
  { "0.5", 50, 1 },
  { "0.50", 50, 2 },
  { "0.05", 5, 2 },
  { "0.55", 55, 2 },
  { "1", 100, 0 },
  { "10.1", 1010, 1 },
  { "1250000", 125000000, 0 },
  { "8000000.00", 800000000, 2 },
  { "4000000.00", 400000000, 2 },
  { "92233720368547758", 9223372036854775800, 0 },
  { "92233720368547758.07", G_MAXINT64, 2 },
};

START_TEST (test_money_parse_reads_ore_and_decimals_and_round_trips)
{
  gint64 ore = -1;
  guint decimals = 99;
  GError *error = NULL;
  g_autofree char *text = NULL;

  ck_assert (klynge_money_parse (good_amounts[_i].text, &ore, &decimals, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (ore, good_amounts[_i].ore);
  ck_assert_uint_eq (decimals, good_amounts[_i].decimals);

  text = klynge_money_to_string (ore, decimals);
  ck_assert_str_eq (text, good_amounts[_i].text);
}
END_TEST

static const char * const bad_amounts[] = {
  "",
  "-1",
  "-0",
  "+1",
  "1.234",
  "0.001",
  "1e5",
  "1E5",
  "1.5e2",
  " 1",
  "1 ",
  "1 000",
  "1,5",
  "1.000,00",
  ".5",
  "5.",
  "007",
  "00",
  "00.5",
  "01.50",
  "1.2.3",
  "1..5",
  "1.-5",
  "0x10",
  "NaN",
  "inf",
  "1_000",
  "١",                      /* Arabic-Indic one */
  "92233720368547758.08",    /* one øre past G_MAXINT64 */
  "92233720368547759",
  "100000000000000000000",
  "99999999999999999999999999999999999999.99",
  "\xff",
};

START_TEST (test_money_parse_rejects_malformed_text)
{
  gint64 ore = 42;
  guint decimals = 7;
  GError *error = NULL;

  ck_assert_msg (!klynge_money_parse (bad_amounts[_i], &ore, &decimals, &error),
                 "“%s” was accepted", bad_amounts[_i]);
  ck_assert (g_utf8_validate (error->message, -1, NULL));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_MONEY);
  ck_assert_int_eq (ore, 42);
  ck_assert_uint_eq (decimals, 7);

  ck_assert (!klynge_money_parse (bad_amounts[_i], &ore, NULL, NULL));
}
END_TEST

START_TEST (test_money_parse_errors_say_why)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "-5", "“-5” is not an amount: amounts are written without a sign" },
    { "1.234", "“1.234” is not an amount: an amount has at most two decimals" },
    { "92233720368547758.08", "“92233720368547758.08” is not an amount: it is "
                              "larger than the largest amount, 92233720368547758.07" },
    { "1,5", "“1,5” is not an amount: expected kroner with at most two decimals, "
             "such as 8000000.00" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 ore;
      GError *error = NULL;

      ck_assert (!klynge_money_parse (cases[i].text, &ore, NULL, &error));
      ck_assert_str_eq (error->message, cases[i].message);
      ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_MONEY);
    }
}
END_TEST

START_TEST (test_money_parse_decimals_are_optional)
{
  gint64 ore;

  ck_assert (klynge_money_parse ("8000000.00", &ore, NULL, NULL));
  ck_assert_int_eq (ore, 800000000);
}
END_TEST

static const struct {
  gint64 ore;
  guint decimals;
  const char *text;
} formatted_amounts[] = {
  { 800000000, 2, "8000000.00" },
  { 800000000, 0, "8000000" },
  { 800000000, 1, "8000000.0" },
  { 50, 0, "0.5" },
  { 50, 1, "0.5" },
  { 50, 2, "0.50" },
  { 55, 0, "0.55" },
  { 55, 1, "0.55" },     /* never rounds: more decimals when needed */
  { 5, 0, "0.05" },
  { 0, 0, "0" },
  { 0, 2, "0.00" },
  { 100, 1, "1.0" },
  { 100683994, 2, "1006839.94" },
  { G_MAXINT64, 0, "92233720368547758.07" },
  { -150, 0, "-1.5" },
  { -5, 2, "-0.05" },
  { G_MININT64, 0, "-92233720368547758.08" },
};

START_TEST (test_money_to_string_writes_at_least_the_decimals_asked_for)
{
  g_autofree char *text = klynge_money_to_string (formatted_amounts[_i].ore,
                                                  formatted_amounts[_i].decimals);

  ck_assert_str_eq (text, formatted_amounts[_i].text);
}
END_TEST

static const struct {
  gint64 ore;
  const char *text;
} grouped_amounts[] = {
  { 0, "0.00" },
  { 5, "0.05" },
  { 99999, "999.99" },                   /* three digits: no separator */
  { 100000, "1,000.00" },
  { 123456, "1,234.56" },
  { 800000000, "8,000,000.00" },
  { 10000000000, "100,000,000.00" },     /* a full group at the front */
  { -123456, "-1,234.56" },              /* no separator after the sign */
  { -99999, "-999.99" },
  { KLYNGE_MONEY_MAX, "92,233,720,368,547,758.07" },
  { G_MININT64, "-92,233,720,368,547,758.08" },
};

START_TEST (test_money_to_grouped_string_writes_two_decimals_and_separates_thousands_with_commas)
{
  g_autofree char *text = klynge_money_to_grouped_string (grouped_amounts[_i].ore);

  ck_assert_str_eq (text, grouped_amounts[_i].text);
}
END_TEST

/* --- percents ----------------------------------------------------------- */

static const struct {
  const char *text;
  guint basis_points;
  guint decimals;
} good_percents[] = {
  { "0", 0, 0 },
  { "0.01", 1, 2 },
  { "0.5", 50, 1 },
  { "50", 5000, 0 },
  { "50.5", 5050, 1 },
  { "50.00", 5000, 2 },
  { "33.34", 3334, 2 },
  { "99.99", 9999, 2 },
  { "100", 10000, 0 },
  { "100.0", 10000, 1 },
  { "100.00", 10000, 2 },
};

START_TEST (test_percent_parse_reads_basis_points_and_round_trips)
{
  guint basis_points = 99999, decimals = 99;
  GError *error = NULL;
  g_autofree char *text = NULL;

  ck_assert (klynge_percent_parse (good_percents[_i].text, &basis_points, &decimals, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (basis_points, good_percents[_i].basis_points);
  ck_assert_uint_eq (decimals, good_percents[_i].decimals);

  text = klynge_percent_to_string (basis_points, decimals);
  ck_assert_str_eq (text, good_percents[_i].text);
}
END_TEST

static const char * const bad_percents[] = {
  "100.01",
  "101",
  "1000",
  "4294967296",
  "99999999999999999999999",
  "-1",
  "-0",
  "+50",
  "50.001",
  "",
  " 50",
  "50 ",
  "50%",
  "1e2",
  "050",
  ".5",
  "50.",
  "50,5",
  "fifty",
};

START_TEST (test_percent_parse_rejects_bad_text)
{
  guint basis_points = 42, decimals = 7;
  GError *error = NULL;

  ck_assert_msg (!klynge_percent_parse (bad_percents[_i], &basis_points, &decimals, &error),
                 "“%s” was accepted", bad_percents[_i]);
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERCENT);
  ck_assert_uint_eq (basis_points, 42);
  ck_assert_uint_eq (decimals, 7);
}
END_TEST

START_TEST (test_percent_parse_rejects_more_than_100)
{
  guint basis_points;
  GError *error = NULL;

  ck_assert (!klynge_percent_parse ("100.01", &basis_points, NULL, &error));
  ck_assert_str_eq (error->message, "“100.01” is not a percent: it is more than 100");
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERCENT);
}
END_TEST

START_TEST (test_percent_to_string_writes_at_least_the_decimals_asked_for)
{
  static const struct {
    guint basis_points;
    guint decimals;
    const char *text;
  } cases[] = {
    { 5000, 0, "50" },
    { 5000, 2, "50.00" },
    { 5050, 0, "50.5" },
    { 3334, 0, "33.34" },
    { 10000, 0, "100" },
    { 10001, 2, "100.01" },  /* a sum of shares may exceed 100 */
    { 0, 1, "0.0" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = klynge_percent_to_string (cases[i].basis_points,
                                                        cases[i].decimals);

      ck_assert_str_eq (text, cases[i].text);
    }
}
END_TEST

static Suite *
money_suite (void)
{
  Suite *suite = suite_create ("money");
  TCase *money = tcase_create ("money");
  TCase *percent = tcase_create ("percent");

  tcase_add_loop_test (money, test_money_parse_reads_ore_and_decimals_and_round_trips,
                       0, G_N_ELEMENTS (good_amounts));
  tcase_add_loop_test (money, test_money_parse_rejects_malformed_text,
                       0, G_N_ELEMENTS (bad_amounts));
  tcase_add_test (money, test_money_parse_errors_say_why);
  tcase_add_test (money, test_money_parse_decimals_are_optional);
  tcase_add_loop_test (money, test_money_to_string_writes_at_least_the_decimals_asked_for,
                       0, G_N_ELEMENTS (formatted_amounts));
  tcase_add_loop_test (money, test_money_to_grouped_string_writes_two_decimals_and_separates_thousands_with_commas,
                       0, G_N_ELEMENTS (grouped_amounts));
  suite_add_tcase (suite, money);

  tcase_add_loop_test (percent, test_percent_parse_reads_basis_points_and_round_trips,
                       0, G_N_ELEMENTS (good_percents));
  tcase_add_loop_test (percent, test_percent_parse_rejects_bad_text,
                       0, G_N_ELEMENTS (bad_percents));
  tcase_add_test (percent, test_percent_parse_rejects_more_than_100);
  tcase_add_test (percent, test_percent_to_string_writes_at_least_the_decimals_asked_for);
  suite_add_tcase (suite, percent);

  return suite;
}

int
main (void)
{
  return klynge_test_run (money_suite ());
}
