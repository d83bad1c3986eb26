/* test-merger.c: KlyngeMerger
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

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

typedef struct {
  int value;
  const char *nick;
} NickCase;

/* Every value of @type has exactly the nick the format gives it, and the
 * nick leads back to the value. */
static void
assert_enum_nicks (GType           type,
                   const NickCase *cases,
                   guint           n_cases)
{
  GEnumClass *klass = g_type_class_ref (type);

  ck_assert_uint_eq (klass->n_values, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      int value = -1;

      ck_assert_str_eq (_klynge_enum_to_nick (type, cases[i].value), cases[i].nick);
      ck_assert (_klynge_enum_from_nick (type, cases[i].nick, &value));
      ck_assert_int_eq (value, cases[i].value);
    }
  g_type_class_unref (klass);
}

static const KlyngeDate effective = { 2020, 7, 1 };

/* The energy merger of the format's example: a and b form ecd. */
static KlyngeMerger *
new_merger (void)
{
  KlyngeMerger *merger = klynge_merger_new ("m2020-energy", KLYNGE_MERGER_KIND_MERGER,
                                            "ecd", &effective);

  ck_assert (klynge_merger_add_predecessor (merger, "a", NULL));
  ck_assert (klynge_merger_add_predecessor (merger, "b", NULL));
  return merger;
}

START_TEST (test_merger_kind_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_MERGER_KIND_MERGER, "merger" },
    { KLYNGE_MERGER_KIND_ABSORPTION, "absorption" },
    { KLYNGE_MERGER_KIND_TRANSFER, "transfer" },
    { KLYNGE_MERGER_KIND_RENAME, "rename" },
  };

  assert_enum_nicks (KLYNGE_TYPE_MERGER_KIND, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_merger_status_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_MERGER_STATUS_PROPOSED, "proposed" },
    { KLYNGE_MERGER_STATUS_AGREED, "agreed" },
    { KLYNGE_MERGER_STATUS_COMPLETED, "completed" },
    { KLYNGE_MERGER_STATUS_CANCELLED, "cancelled" },
  };

  assert_enum_nicks (KLYNGE_TYPE_MERGER_STATUS, cases, G_N_ELEMENTS (cases));
}
END_TEST

static const struct {
  KlyngeMergerKind kind;
  guint min;
} min_predecessors[] = {
  { KLYNGE_MERGER_KIND_MERGER, 2 },       /* several form a new organisation */
  { KLYNGE_MERGER_KIND_ABSORPTION, 1 },   /* one is enough to fold into another */
};

START_TEST (test_merger_kind_min_predecessors_is_two_for_a_merger_and_one_for_an_absorption)
{
  ck_assert_uint_eq (klynge_merger_kind_min_predecessors (min_predecessors[_i].kind),
                     min_predecessors[_i].min);
}
END_TEST

START_TEST (test_merger_kind_min_predecessors_of_a_value_outside_the_enum_is_a_programmer_error)
{
  guint min = 99;

  assert_critical (min = klynge_merger_kind_min_predecessors ((KlyngeMergerKind) 4));
  ck_assert_uint_eq (min, 0);
}
END_TEST

/* The rules of each kind, one row per kind: how many predecessors, and
 * whether it counts as a merger, ends its predecessors' records and
 * makes a successor that begins on the effective date. */
static const struct {
  KlyngeMergerKind kind;
  guint min, max;
  gboolean consolidates, ends, forms;
} kind_rules[] = {
  { KLYNGE_MERGER_KIND_MERGER, 2, G_MAXUINT, TRUE, TRUE, TRUE },
  { KLYNGE_MERGER_KIND_ABSORPTION, 1, G_MAXUINT, TRUE, TRUE, FALSE },
  { KLYNGE_MERGER_KIND_TRANSFER, 1, G_MAXUINT, FALSE, FALSE, FALSE },   /* the giver lives on */
  { KLYNGE_MERGER_KIND_RENAME, 1, 1, FALSE, TRUE, TRUE },               /* one body, a new record */
};

START_TEST (test_merger_kind_rules_say_what_each_kind_does)
{
  KlyngeMergerKind kind = kind_rules[_i].kind;

  ck_assert_uint_eq (klynge_merger_kind_min_predecessors (kind), kind_rules[_i].min);
  ck_assert_uint_eq (klynge_merger_kind_max_predecessors (kind), kind_rules[_i].max);
  ck_assert_int_eq (klynge_merger_kind_consolidates (kind), kind_rules[_i].consolidates);
  ck_assert_int_eq (klynge_merger_kind_ends_predecessors (kind), kind_rules[_i].ends);
  ck_assert_int_eq (klynge_merger_kind_forms_successor (kind), kind_rules[_i].forms);
}
END_TEST

START_TEST (test_merger_kind_rules_of_a_value_outside_the_enum_are_programmer_errors)
{
  guint max = 99;
  gboolean yes = TRUE;

  assert_critical (max = klynge_merger_kind_max_predecessors ((KlyngeMergerKind) 4));
  ck_assert_uint_eq (max, 0);
  assert_critical (yes = klynge_merger_kind_consolidates ((KlyngeMergerKind) 4));
  ck_assert (!yes);
  yes = TRUE;
  assert_critical (yes = klynge_merger_kind_ends_predecessors ((KlyngeMergerKind) 4));
  ck_assert (!yes);
  yes = TRUE;
  assert_critical (yes = klynge_merger_kind_forms_successor ((KlyngeMergerKind) 4));
  ck_assert (!yes);
}
END_TEST

START_TEST (test_merger_takes_the_version_2_kinds_and_cancelled_status)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();

  klynge_merger_set_kind (merger, KLYNGE_MERGER_KIND_TRANSFER);
  ck_assert_int_eq (klynge_merger_get_kind (merger), KLYNGE_MERGER_KIND_TRANSFER);
  klynge_merger_set_kind (merger, KLYNGE_MERGER_KIND_RENAME);
  ck_assert_int_eq (klynge_merger_get_kind (merger), KLYNGE_MERGER_KIND_RENAME);
  klynge_merger_set_status (merger, KLYNGE_MERGER_STATUS_CANCELLED);
  ck_assert_int_eq (klynge_merger_get_status (merger), KLYNGE_MERGER_STATUS_CANCELLED);
}
END_TEST

START_TEST (test_merger_new_is_proposed_with_no_predecessors)
{
  g_autoptr(KlyngeMerger) merger =
    klynge_merger_new ("m", KLYNGE_MERGER_KIND_ABSORPTION, "ecd", &effective);
  const char * const *predecessors = klynge_merger_get_predecessors (merger);

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (merger)), "m");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (merger)), "merger");
  ck_assert_int_eq (klynge_merger_get_kind (merger), KLYNGE_MERGER_KIND_ABSORPTION);
  ck_assert_int_eq (klynge_merger_get_status (merger), KLYNGE_MERGER_STATUS_PROPOSED);
  ck_assert_str_eq (klynge_merger_get_successor (merger), "ecd");
  ck_assert (klynge_date_equal (klynge_merger_get_effective (merger), &effective));
  ck_assert_ptr_nonnull (predecessors);
  ck_assert_ptr_null (predecessors[0]);
}
END_TEST

START_TEST (test_merger_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngeDate unset = { 0, 0, 0 }, nonexistent = { 2020, 2, 30 };
  KlyngeMerger *merger = NULL;

  assert_critical (merger = klynge_merger_new ("1m", KLYNGE_MERGER_KIND_MERGER, "ecd", &effective));
  ck_assert_ptr_null (merger);
  assert_critical (merger = klynge_merger_new ("m", KLYNGE_MERGER_KIND_MERGER, "", &effective));
  ck_assert_ptr_null (merger);
  assert_critical (merger = klynge_merger_new ("m", (KlyngeMergerKind) 4, "ecd", &effective));
  ck_assert_ptr_null (merger);
  assert_critical (merger = klynge_merger_new ("m", KLYNGE_MERGER_KIND_MERGER, "ecd", &unset));
  ck_assert_ptr_null (merger);
  assert_critical (merger = klynge_merger_new ("m", KLYNGE_MERGER_KIND_MERGER, "ecd", &nonexistent));
  ck_assert_ptr_null (merger);
}
END_TEST

START_TEST (test_merger_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();
  KlyngeDate later = { 2020, 8, 0 };
  g_autofree char *successor = NULL;
  g_autoptr(KlyngeDate) got_effective = NULL;
  KlyngeMergerKind kind;
  KlyngeMergerStatus status;
  guint notified = 0;

  g_signal_connect (merger, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (merger,
                "kind", KLYNGE_MERGER_KIND_ABSORPTION,
                "status", KLYNGE_MERGER_STATUS_COMPLETED,
                "successor", "c",
                "effective", &later,
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_set (merger,
                "kind", KLYNGE_MERGER_KIND_ABSORPTION,
                "status", KLYNGE_MERGER_STATUS_COMPLETED,
                "successor", "c",
                "effective", &later,
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_get (merger,
                "kind", &kind,
                "status", &status,
                "successor", &successor,
                "effective", &got_effective,
                NULL);
  ck_assert_int_eq (kind, KLYNGE_MERGER_KIND_ABSORPTION);
  ck_assert_int_eq (status, KLYNGE_MERGER_STATUS_COMPLETED);
  ck_assert_str_eq (successor, "c");
  ck_assert (klynge_date_equal (got_effective, &later));
}
END_TEST

START_TEST (test_merger_predecessors_keep_insertion_order_and_stay_null_terminated)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();
  const char * const *predecessors;

  ck_assert (klynge_merger_add_predecessor (merger, "c", NULL));
  predecessors = klynge_merger_get_predecessors (merger);
  ck_assert_str_eq (predecessors[0], "a");
  ck_assert_str_eq (predecessors[1], "b");
  ck_assert_str_eq (predecessors[2], "c");
  ck_assert_ptr_null (predecessors[3]);

  ck_assert (klynge_merger_has_predecessor (merger, "b"));
  ck_assert (!klynge_merger_has_predecessor (merger, "ecd"));

  klynge_merger_clear_predecessors (merger);
  predecessors = klynge_merger_get_predecessors (merger);
  ck_assert_ptr_nonnull (predecessors);
  ck_assert_ptr_null (predecessors[0]);
  ck_assert (!klynge_merger_has_predecessor (merger, "a"));
}
END_TEST

static const struct {
  const char *id;
  int code;
} bad_predecessors[] = {
  { "", KLYNGE_ERROR_BAD_ID },
  { "2a", KLYNGE_ERROR_BAD_ID },
  { "a b", KLYNGE_ERROR_BAD_ID },
  { "a", KLYNGE_ERROR_DUPLICATE_ID },
  { "b", KLYNGE_ERROR_DUPLICATE_ID },
  { "ecd", KLYNGE_ERROR_INCONSISTENT },    /* the successor */
};

START_TEST (test_merger_add_predecessor_rejects_bad_duplicate_and_successor_ids)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();
  const char * const *predecessors;
  GError *error = NULL;

  ck_assert (!klynge_merger_add_predecessor (merger, bad_predecessors[_i].id, &error));
  ck_assert_klynge_error (error, bad_predecessors[_i].code);

  predecessors = klynge_merger_get_predecessors (merger);
  ck_assert_str_eq (predecessors[0], "a");
  ck_assert_str_eq (predecessors[1], "b");
  ck_assert_ptr_null (predecessors[2]);
}
END_TEST

static const struct {
  const char *id;
  int code;
} bad_successors[] = {
  { "", KLYNGE_ERROR_BAD_ID },
  { "e:cd", KLYNGE_ERROR_BAD_ID },
  { "a", KLYNGE_ERROR_INCONSISTENT },      /* a predecessor */
  { "b", KLYNGE_ERROR_INCONSISTENT },
};

START_TEST (test_merger_set_successor_rejects_bad_ids_and_predecessors)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();
  GError *error = NULL;
  guint notified = 0;

  g_signal_connect (merger, "notify", G_CALLBACK (count_notify), &notified);
  ck_assert (!klynge_merger_set_successor (merger, bad_successors[_i].id, &error));
  ck_assert_klynge_error (error, bad_successors[_i].code);
  ck_assert_str_eq (klynge_merger_get_successor (merger), "ecd");
  ck_assert_uint_eq (notified, 0);
}
END_TEST

static const KlyngeDate bad_effective[] = {
  { 0, 0, 0 },
  { 2020, 2, 30 },
  { 2020, 0, 1 },
  { 10000, 1, 1 },
};

START_TEST (test_merger_set_effective_rejects_unset_and_nonexistent_dates)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();
  GError *error = NULL;

  ck_assert (!klynge_merger_set_effective (merger, &bad_effective[_i], &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  ck_assert (klynge_date_equal (klynge_merger_get_effective (merger), &effective));
}
END_TEST

START_TEST (test_merger_enum_setters_out_of_range_are_programmer_errors)
{
  g_autoptr(KlyngeMerger) merger = new_merger ();

  assert_critical (klynge_merger_set_kind (merger, (KlyngeMergerKind) 4));
  assert_critical (klynge_merger_set_status (merger, (KlyngeMergerStatus) 4));
  assert_critical (klynge_merger_set_successor (merger, NULL, NULL));
  ck_assert_int_eq (klynge_merger_get_kind (merger), KLYNGE_MERGER_KIND_MERGER);
  ck_assert_int_eq (klynge_merger_get_status (merger), KLYNGE_MERGER_STATUS_PROPOSED);
}
END_TEST

static Suite *
merger_suite (void)
{
  Suite *suite = suite_create ("merger");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_test (tc, test_merger_kind_nicks_round_trip);
  tcase_add_test (tc, test_merger_status_nicks_round_trip);
  tcase_add_loop_test (tc, test_merger_kind_min_predecessors_is_two_for_a_merger_and_one_for_an_absorption,
                       0, G_N_ELEMENTS (min_predecessors));
  tcase_add_test (tc, test_merger_kind_min_predecessors_of_a_value_outside_the_enum_is_a_programmer_error);
  tcase_add_loop_test (tc, test_merger_kind_rules_say_what_each_kind_does, 0, G_N_ELEMENTS (kind_rules));
  tcase_add_test (tc, test_merger_kind_rules_of_a_value_outside_the_enum_are_programmer_errors);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("merger");
  tcase_add_test (tc, test_merger_new_is_proposed_with_no_predecessors);
  tcase_add_test (tc, test_merger_new_with_invalid_arguments_is_a_programmer_error);
  tcase_add_test (tc, test_merger_properties_round_trip_and_notify_only_on_change);
  tcase_add_test (tc, test_merger_predecessors_keep_insertion_order_and_stay_null_terminated);
  tcase_add_loop_test (tc, test_merger_add_predecessor_rejects_bad_duplicate_and_successor_ids,
                       0, G_N_ELEMENTS (bad_predecessors));
  tcase_add_loop_test (tc, test_merger_set_successor_rejects_bad_ids_and_predecessors,
                       0, G_N_ELEMENTS (bad_successors));
  tcase_add_loop_test (tc, test_merger_set_effective_rejects_unset_and_nonexistent_dates,
                       0, G_N_ELEMENTS (bad_effective));
  tcase_add_test (tc, test_merger_enum_setters_out_of_range_are_programmer_errors);
  tcase_add_test (tc, test_merger_takes_the_version_2_kinds_and_cancelled_status);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (merger_suite ());
}
