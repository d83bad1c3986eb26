/* test-funding-source.c: KlyngeFundingSource
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

static KlyngeFundingSource *
new_funding_source (void)
{
  return klynge_funding_source_new ("siu", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY,
                                    "Styrelsen for Institutioner og Uddannelsesstøtte");
}

static const struct {
  KlyngeFundingSourceKind value;
  const char *nick;
} kind_nicks[] = {
  { KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY, "national-agency" },
  { KLYNGE_FUNDING_SOURCE_KIND_REGIONAL, "regional" },
  { KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME, "eu-programme" },
  { KLYNGE_FUNDING_SOURCE_KIND_PRIVATE, "private" },
  { KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES, "membership-fees" },
};

START_TEST (test_funding_source_kind_nick_round_trips)
{
  int value = -1;

  ck_assert_str_eq (_klynge_enum_to_nick (KLYNGE_TYPE_FUNDING_SOURCE_KIND, kind_nicks[_i].value),
                    kind_nicks[_i].nick);
  ck_assert (_klynge_enum_from_nick (KLYNGE_TYPE_FUNDING_SOURCE_KIND, kind_nicks[_i].nick, &value));
  ck_assert_int_eq (value, kind_nicks[_i].value);
}
END_TEST

START_TEST (test_funding_source_kind_has_exactly_the_format_values)
{
  GEnumClass *klass = g_type_class_ref (KLYNGE_TYPE_FUNDING_SOURCE_KIND);

  ck_assert_uint_eq (klass->n_values, G_N_ELEMENTS (kind_nicks));
  g_type_class_unref (klass);
}
END_TEST

START_TEST (test_funding_source_new_sets_id_kind_and_name_and_no_parent)
{
  g_autoptr(KlyngeFundingSource) source =
    klynge_funding_source_new ("es", KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY,
                               "Erhvervsstyrelsen");

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (source)), "es");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (source)), "funding-source");
  ck_assert_int_eq (klynge_funding_source_get_kind (source), KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY);
  ck_assert_str_eq (klynge_funding_source_get_name (source), "Erhvervsstyrelsen");
  ck_assert_ptr_null (klynge_funding_source_get_parent (source));
}
END_TEST

START_TEST (test_funding_source_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngeFundingSource *source = NULL;

  assert_critical (source = klynge_funding_source_new ("", KLYNGE_FUNDING_SOURCE_KIND_PRIVATE, "F"));
  ck_assert_ptr_null (source);
  assert_critical (source = klynge_funding_source_new ("f", KLYNGE_FUNDING_SOURCE_KIND_PRIVATE, NULL));
  ck_assert_ptr_null (source);
  assert_critical (source = klynge_funding_source_new ("f", (KlyngeFundingSourceKind) 5, "F"));
  ck_assert_ptr_null (source);
}
END_TEST

START_TEST (test_funding_source_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeFundingSource) source = new_funding_source ();
  g_autofree char *name = NULL, *parent = NULL;
  KlyngeFundingSourceKind kind;
  guint notified = 0;

  g_signal_connect (source, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (source,
                "name", "Region Nordjylland",
                "kind", KLYNGE_FUNDING_SOURCE_KIND_REGIONAL,
                "parent", "Danske Regioner",
                NULL);
  ck_assert_uint_eq (notified, 3);

  g_object_set (source,
                "name", "Region Nordjylland",
                "kind", KLYNGE_FUNDING_SOURCE_KIND_REGIONAL,
                "parent", "Danske Regioner",
                NULL);
  ck_assert_uint_eq (notified, 3);

  g_object_get (source, "name", &name, "kind", &kind, "parent", &parent, NULL);
  ck_assert_str_eq (name, "Region Nordjylland");
  ck_assert_int_eq (kind, KLYNGE_FUNDING_SOURCE_KIND_REGIONAL);
  ck_assert_str_eq (parent, "Danske Regioner");

  g_object_set (source, "parent", NULL, NULL);
  ck_assert_ptr_null (klynge_funding_source_get_parent (source));
  ck_assert_uint_eq (notified, 4);
}
END_TEST

typedef gboolean (*TextSetter) (KlyngeFundingSource *self,
                                const char          *value,
                                GError             **error);

static const struct {
  TextSetter set;
  const char *value;
  int code;
} bad_texts[] = {
  { klynge_funding_source_set_name, "", KLYNGE_ERROR_BAD_VALUE },
  { klynge_funding_source_set_name, "Styrelse \xe5", KLYNGE_ERROR_ENCODING },
  { klynge_funding_source_set_name, "Styrelse\x7f\x01", KLYNGE_ERROR_ENCODING },
  { klynge_funding_source_set_parent, "", KLYNGE_ERROR_BAD_VALUE },
  { klynge_funding_source_set_parent, "Ministeriet \xf0\x9f", KLYNGE_ERROR_ENCODING },
  { klynge_funding_source_set_parent, "Ministeriet\x08", KLYNGE_ERROR_ENCODING },
};

START_TEST (test_funding_source_setters_reject_bad_values_and_change_nothing)
{
  g_autoptr(KlyngeFundingSource) source = new_funding_source ();
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_funding_source_set_parent (source, "Uddannelses- og Forskningsministeriet", NULL));
  g_signal_connect (source, "notify", G_CALLBACK (count_notify), &notified);

  ck_assert (!bad_texts[_i].set (source, bad_texts[_i].value, &error));
  ck_assert_klynge_error (error, bad_texts[_i].code);

  ck_assert_str_eq (klynge_funding_source_get_name (source),
                    "Styrelsen for Institutioner og Uddannelsesstøtte");
  ck_assert_str_eq (klynge_funding_source_get_parent (source),
                    "Uddannelses- og Forskningsministeriet");
  ck_assert_uint_eq (notified, 0);
}
END_TEST

START_TEST (test_funding_source_set_kind_out_of_range_is_a_programmer_error)
{
  g_autoptr(KlyngeFundingSource) source = new_funding_source ();

  assert_critical (klynge_funding_source_set_kind (source, (KlyngeFundingSourceKind) 5));
  ck_assert_int_eq (klynge_funding_source_get_kind (source),
                    KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY);
}
END_TEST

static Suite *
funding_source_suite (void)
{
  Suite *suite = suite_create ("funding-source");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_loop_test (tc, test_funding_source_kind_nick_round_trips, 0, G_N_ELEMENTS (kind_nicks));
  tcase_add_test (tc, test_funding_source_kind_has_exactly_the_format_values);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("funding source");
  tcase_add_test (tc, test_funding_source_new_sets_id_kind_and_name_and_no_parent);
  tcase_add_test (tc, test_funding_source_new_with_invalid_arguments_is_a_programmer_error);
  tcase_add_test (tc, test_funding_source_properties_round_trip_and_notify_only_on_change);
  tcase_add_loop_test (tc, test_funding_source_setters_reject_bad_values_and_change_nothing,
                       0, G_N_ELEMENTS (bad_texts));
  tcase_add_test (tc, test_funding_source_set_kind_out_of_range_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (funding_source_suite ());
}
