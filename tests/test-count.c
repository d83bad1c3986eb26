/* test-count.c: counts that say whether they are exact
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "klynge-private.h"
#include "klynge-test.h"

/* The one rule: complete counts are exact; any other is at least what
 * was counted, or not known when nothing was. */
static const struct {
  guint64 counted;
  gboolean complete;
  KlyngeCountCertainty certainty;
  const char *text;
} rules[] = {
  { 12, TRUE, KLYNGE_COUNT_CERTAINTY_EXACT, "12" },
  { 0, TRUE, KLYNGE_COUNT_CERTAINTY_EXACT, "0" },
  { 12, FALSE, KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at least 12" },
  { 1, FALSE, KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at least 1" },
  { 0, FALSE, KLYNGE_COUNT_CERTAINTY_UNKNOWN, "not known" },
  { G_MAXUINT64, TRUE, KLYNGE_COUNT_CERTAINTY_EXACT, "18446744073709551615" },
  { G_MAXUINT64, FALSE, KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at least 18446744073709551615" },
};

START_TEST (test_count_init_is_exact_only_when_complete_and_not_known_when_nothing_was_counted)
{
  KlyngeCount count;
  g_autofree char *text = NULL;

  klynge_count_init (&count, rules[_i].counted, rules[_i].complete);
  ck_assert_int_eq (count.certainty, rules[_i].certainty);
  ck_assert_uint_eq (count.value, rules[_i].counted);
  ck_assert_int_eq (klynge_count_is_exact (&count), rules[_i].certainty == KLYNGE_COUNT_CERTAINTY_EXACT);
  text = klynge_count_format (&count);
  ck_assert_str_eq (text, rules[_i].text);
}
END_TEST

START_TEST (test_count_copy_keeps_value_and_certainty)
{
  KlyngeCount count;
  g_autoptr(KlyngeCount) copy = NULL;

  klynge_count_init (&count, 7, FALSE);
  copy = klynge_count_copy (&count);
  ck_assert_uint_eq (copy->value, 7);
  ck_assert_int_eq (copy->certainty, KLYNGE_COUNT_CERTAINTY_AT_LEAST);
  ck_assert (G_TYPE_IS_BOXED (KLYNGE_TYPE_COUNT));
}
END_TEST

static const struct {
  KlyngeCountCertainty certainty;
  const char *nick;
} nicks[] = {
  { KLYNGE_COUNT_CERTAINTY_EXACT, "exact" },
  { KLYNGE_COUNT_CERTAINTY_AT_LEAST, "at-least" },
  { KLYNGE_COUNT_CERTAINTY_UNKNOWN, "unknown" },
};

START_TEST (test_count_certainty_nicks_are_the_export_values)
{
  ck_assert_str_eq (klynge_enum_to_nick (KLYNGE_TYPE_COUNT_CERTAINTY, nicks[_i].certainty),
                    nicks[_i].nick);
}
END_TEST

static Suite *
count_suite (void)
{
  Suite *suite = suite_create ("count");
  TCase *count = tcase_create ("count");

  tcase_add_loop_test (count, test_count_init_is_exact_only_when_complete_and_not_known_when_nothing_was_counted,
                       0, G_N_ELEMENTS (rules));
  tcase_add_test (count, test_count_copy_keeps_value_and_certainty);
  tcase_add_loop_test (count, test_count_certainty_nicks_are_the_export_values, 0, G_N_ELEMENTS (nicks));
  suite_add_tcase (suite, count);
  return suite;
}

int
main (void)
{
  return klynge_test_run (count_suite ());
}
