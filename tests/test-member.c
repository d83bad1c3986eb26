/* test-member.c: KlyngeMember
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

static KlyngeMember *
new_member (void)
{
  return klynge_member_new ("m-1", KLYNGE_MEMBER_KIND_COMPANY, "Eksempel ApS");
}

START_TEST (test_member_kind_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_MEMBER_KIND_COMPANY, "company" },
    { KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, "knowledge-institution" },
    { KLYNGE_MEMBER_KIND_PUBLIC, "public" },
    { KLYNGE_MEMBER_KIND_OTHER, "other" },
  };

  assert_enum_nicks (KLYNGE_TYPE_MEMBER_KIND, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_member_size_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_MEMBER_SIZE_UNKNOWN, "unknown" },
    { KLYNGE_MEMBER_SIZE_MICRO, "micro" },
    { KLYNGE_MEMBER_SIZE_SMALL, "small" },
    { KLYNGE_MEMBER_SIZE_MEDIUM, "medium" },
    { KLYNGE_MEMBER_SIZE_SME, "sme" },
    { KLYNGE_MEMBER_SIZE_LARGE, "large" },
  };

  assert_enum_nicks (KLYNGE_TYPE_MEMBER_SIZE, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_member_new_sets_id_kind_and_name_with_unknown_size_and_no_cvr)
{
  g_autoptr(KlyngeMember) member =
    klynge_member_new ("m-2", KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, "Et Universitet");

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (member)), "m-2");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (member)), "member");
  ck_assert_int_eq (klynge_member_get_kind (member), KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION);
  ck_assert_str_eq (klynge_member_get_name (member), "Et Universitet");
  ck_assert_int_eq (klynge_member_get_size (member), KLYNGE_MEMBER_SIZE_UNKNOWN);
  ck_assert_ptr_null (klynge_member_get_cvr (member));
}
END_TEST

START_TEST (test_member_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngeMember *member = NULL;

  assert_critical (member = klynge_member_new ("m 1", KLYNGE_MEMBER_KIND_COMPANY, "M"));
  ck_assert_ptr_null (member);
  assert_critical (member = klynge_member_new ("m-1", KLYNGE_MEMBER_KIND_COMPANY, ""));
  ck_assert_ptr_null (member);
  assert_critical (member = klynge_member_new ("m-1", (KlyngeMemberKind) 4, "M"));
  ck_assert_ptr_null (member);
}
END_TEST

START_TEST (test_member_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeMember) member = new_member ();
  g_autofree char *name = NULL, *cvr = NULL;
  KlyngeMemberKind kind;
  KlyngeMemberSize size;
  guint notified = 0;

  g_signal_connect (member, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (member,
                "name", "Andet ApS",
                "kind", KLYNGE_MEMBER_KIND_PUBLIC,
                "size", KLYNGE_MEMBER_SIZE_SME,
                "cvr", "13748136",
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_set (member,
                "name", "Andet ApS",
                "kind", KLYNGE_MEMBER_KIND_PUBLIC,
                "size", KLYNGE_MEMBER_SIZE_SME,
                "cvr", "13748136",
                NULL);
  ck_assert_uint_eq (notified, 4);

  g_object_get (member,
                "name", &name,
                "kind", &kind,
                "size", &size,
                "cvr", &cvr,
                NULL);
  ck_assert_str_eq (name, "Andet ApS");
  ck_assert_int_eq (kind, KLYNGE_MEMBER_KIND_PUBLIC);
  ck_assert_int_eq (size, KLYNGE_MEMBER_SIZE_SME);
  ck_assert_str_eq (cvr, "13748136");
}
END_TEST

START_TEST (test_member_setters_keep_the_value_they_were_given)
{
  g_autoptr(KlyngeMember) member = new_member ();
  GError *error = NULL;

  ck_assert (klynge_member_set_name (member, "Ny ApS", &error));
  ck_assert (klynge_member_set_cvr (member, "24256790", &error));
  ck_assert_no_error (error);
  klynge_member_set_kind (member, KLYNGE_MEMBER_KIND_OTHER);
  klynge_member_set_size (member, KLYNGE_MEMBER_SIZE_LARGE);

  ck_assert_str_eq (klynge_member_get_name (member), "Ny ApS");
  ck_assert_str_eq (klynge_member_get_cvr (member), "24256790");
  ck_assert_int_eq (klynge_member_get_kind (member), KLYNGE_MEMBER_KIND_OTHER);
  ck_assert_int_eq (klynge_member_get_size (member), KLYNGE_MEMBER_SIZE_LARGE);

  ck_assert (klynge_member_set_cvr (member, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_member_get_cvr (member));
}
END_TEST

typedef gboolean (*TextSetter) (KlyngeMember *self,
                                const char   *value,
                                GError      **error);

static const struct {
  TextSetter set;
  const char *value;
  int code;
} bad_texts[] = {
  { klynge_member_set_name, "", KLYNGE_ERROR_BAD_VALUE },
  { klynge_member_set_name, "Eksempel \xc3", KLYNGE_ERROR_ENCODING },
  { klynge_member_set_name, "Eksempel\x1b", KLYNGE_ERROR_ENCODING },
  { klynge_member_set_cvr, "", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, "1374813", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, "137481366", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, "1374813x", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, "13748137", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, "00000000", KLYNGE_ERROR_BAD_CVR },
  { klynge_member_set_cvr, " 13748136", KLYNGE_ERROR_BAD_CVR },
};

START_TEST (test_member_setters_reject_bad_values_and_change_nothing)
{
  g_autoptr(KlyngeMember) member = new_member ();
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_member_set_cvr (member, "13748136", NULL));
  g_signal_connect (member, "notify", G_CALLBACK (count_notify), &notified);

  ck_assert (!bad_texts[_i].set (member, bad_texts[_i].value, &error));
  ck_assert_klynge_error (error, bad_texts[_i].code);

  ck_assert_str_eq (klynge_member_get_name (member), "Eksempel ApS");
  ck_assert_str_eq (klynge_member_get_cvr (member), "13748136");
  ck_assert_uint_eq (notified, 0);
}
END_TEST

START_TEST (test_member_enum_setters_out_of_range_are_programmer_errors)
{
  g_autoptr(KlyngeMember) member = new_member ();

  assert_critical (klynge_member_set_kind (member, (KlyngeMemberKind) 4));
  assert_critical (klynge_member_set_size (member, (KlyngeMemberSize) 6));
  assert_critical (klynge_member_set_name (member, NULL, NULL));
  ck_assert_int_eq (klynge_member_get_kind (member), KLYNGE_MEMBER_KIND_COMPANY);
  ck_assert_int_eq (klynge_member_get_size (member), KLYNGE_MEMBER_SIZE_UNKNOWN);
}
END_TEST

START_TEST (test_member_getters_on_a_non_member_are_programmer_errors)
{
  g_autoptr(KlyngeOrganisation) org =
    klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O");
  const char *name = "unchanged";

  assert_critical (name = klynge_member_get_name ((KlyngeMember *) org));
  ck_assert_ptr_null (name);
}
END_TEST

static Suite *
member_suite (void)
{
  Suite *suite = suite_create ("member");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_test (tc, test_member_kind_nicks_round_trip);
  tcase_add_test (tc, test_member_size_nicks_round_trip);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("member");
  tcase_add_test (tc, test_member_new_sets_id_kind_and_name_with_unknown_size_and_no_cvr);
  tcase_add_test (tc, test_member_new_with_invalid_arguments_is_a_programmer_error);
  tcase_add_test (tc, test_member_properties_round_trip_and_notify_only_on_change);
  tcase_add_test (tc, test_member_setters_keep_the_value_they_were_given);
  tcase_add_loop_test (tc, test_member_setters_reject_bad_values_and_change_nothing,
                       0, G_N_ELEMENTS (bad_texts));
  tcase_add_test (tc, test_member_enum_setters_out_of_range_are_programmer_errors);
  tcase_add_test (tc, test_member_getters_on_a_non_member_are_programmer_errors);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (member_suite ());
}
