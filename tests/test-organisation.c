/* test-organisation.c: KlyngeOrganisation, KlyngeLocation, KlyngeLabel
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

static KlyngeOrganisation *
new_organisation (void)
{
  return klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, "Klynge A");
}

/* --- enums ---------------------------------------------------------------- */

START_TEST (test_organisation_kind_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_ORGANISATION_KIND_CLUSTER, "cluster" },
    { KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK, "innovation-network" },
    { KLYNGE_ORGANISATION_KIND_SUPPORT_BODY, "support-body" },
    { KLYNGE_ORGANISATION_KIND_AGENCY, "agency" },
    { KLYNGE_ORGANISATION_KIND_OTHER, "other" },
  };

  assert_enum_nicks (KLYNGE_TYPE_ORGANISATION_KIND, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_label_level_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_LABEL_LEVEL_BRONZE, "bronze" },
    { KLYNGE_LABEL_LEVEL_SILVER, "silver" },
    { KLYNGE_LABEL_LEVEL_GOLD, "gold" },
  };

  assert_enum_nicks (KLYNGE_TYPE_LABEL_LEVEL, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_organisation_status_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED, "not-yet-founded" },
    { KLYNGE_ORGANISATION_STATUS_ACTIVE, "active" },
    { KLYNGE_ORGANISATION_STATUS_DISSOLVED, "dissolved" },
    { KLYNGE_ORGANISATION_STATUS_MERGED, "merged" },
    { KLYNGE_ORGANISATION_STATUS_NOT_KNOWN, "not-known" },
  };

  assert_enum_nicks (KLYNGE_TYPE_ORGANISATION_STATUS, cases, G_N_ELEMENTS (cases));
}
END_TEST

/* --- construction --------------------------------------------------------- */

START_TEST (test_organisation_new_sets_id_kind_and_name_and_nothing_else)
{
  g_autoptr(KlyngeOrganisation) org =
    klynge_organisation_new ("ced", KLYNGE_ORGANISATION_KIND_SUPPORT_BODY,
                             "Cluster Excellence Denmark");

  ck_assert_str_eq (klynge_record_get_id (KLYNGE_RECORD (org)), "ced");
  ck_assert_str_eq (klynge_record_get_kind_name (KLYNGE_RECORD (org)), "organisation");
  ck_assert_int_eq (klynge_organisation_get_kind (org), KLYNGE_ORGANISATION_KIND_SUPPORT_BODY);
  ck_assert_str_eq (klynge_organisation_get_name (org), "Cluster Excellence Denmark");
  ck_assert_ptr_null (klynge_organisation_get_name_en (org));
  ck_assert_ptr_null (klynge_organisation_get_cvr (org));
  ck_assert_ptr_null (klynge_organisation_get_website (org));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_founded (org)));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_dissolved (org)));
  ck_assert_ptr_nonnull (klynge_organisation_get_focus_areas (org));
  ck_assert_ptr_null (klynge_organisation_get_focus_areas (org)[0]);
  ck_assert_uint_eq (klynge_organisation_get_locations (org)->len, 0);
  ck_assert_uint_eq (klynge_organisation_get_labels (org)->len, 0);
}
END_TEST

START_TEST (test_organisation_new_with_invalid_arguments_is_a_programmer_error)
{
  KlyngeOrganisation *org = NULL;

  assert_critical (org = klynge_organisation_new ("1a", KLYNGE_ORGANISATION_KIND_CLUSTER, "A"));
  ck_assert_ptr_null (org);
  assert_critical (org = klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, ""));
  ck_assert_ptr_null (org);
  assert_critical (org = klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_CLUSTER, "A\x01"));
  ck_assert_ptr_null (org);
  assert_critical (org = klynge_organisation_new ("a", KLYNGE_ORGANISATION_KIND_OTHER + 1, "A"));
  ck_assert_ptr_null (org);
}
END_TEST

/* --- properties ----------------------------------------------------------- */

START_TEST (test_organisation_properties_round_trip_and_notify_only_on_change)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate founded = { 2014, 5, 9 }, dissolved = { 2020, 6, 30 };
  g_autofree char *name = NULL, *name_en = NULL, *cvr = NULL, *website = NULL;
  g_autoptr(KlyngeDate) got_founded = NULL;
  g_autoptr(KlyngeDate) got_dissolved = NULL;
  KlyngeOrganisationKind kind;
  guint notified = 0;

  g_signal_connect (org, "notify", G_CALLBACK (count_notify), &notified);

  g_object_set (org,
                "name", "Klynge B",
                "name-en", "Cluster B",
                "kind", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK,
                "founded", &founded,
                "dissolved", &dissolved,
                "cvr", "24256790",
                "website", "https://b.example",
                NULL);
  ck_assert_uint_eq (notified, 7);

  /* The same values again change nothing and notify nothing. */
  g_object_set (org,
                "name", "Klynge B",
                "name-en", "Cluster B",
                "kind", KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK,
                "founded", &founded,
                "dissolved", &dissolved,
                "cvr", "24256790",
                "website", "https://b.example",
                NULL);
  ck_assert_uint_eq (notified, 7);

  g_object_get (org,
                "name", &name,
                "name-en", &name_en,
                "kind", &kind,
                "founded", &got_founded,
                "dissolved", &got_dissolved,
                "cvr", &cvr,
                "website", &website,
                NULL);
  ck_assert_str_eq (name, "Klynge B");
  ck_assert_str_eq (name_en, "Cluster B");
  ck_assert_int_eq (kind, KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK);
  ck_assert (klynge_date_equal (got_founded, &founded));
  ck_assert (klynge_date_equal (got_dissolved, &dissolved));
  ck_assert_str_eq (cvr, "24256790");
  ck_assert_str_eq (website, "https://b.example");
}
END_TEST

START_TEST (test_organisation_unset_date_properties_read_as_null_and_null_clears)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate founded = { 2014, 0, 0 };
  KlyngeDate *got = &founded;
  guint notified = 0;

  g_object_get (org, "founded", &got, NULL);
  ck_assert_ptr_null (got);

  ck_assert (klynge_organisation_set_founded (org, &founded, NULL));
  g_signal_connect (org, "notify::founded", G_CALLBACK (count_notify), &notified);
  g_object_set (org, "founded", NULL, NULL);
  ck_assert (!klynge_date_is_set (klynge_organisation_get_founded (org)));
  ck_assert_uint_eq (notified, 1);
}
END_TEST

START_TEST (test_organisation_kind_setter_notifies_only_on_change)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  guint notified = 0;

  g_signal_connect (org, "notify::kind", G_CALLBACK (count_notify), &notified);
  klynge_organisation_set_kind (org, KLYNGE_ORGANISATION_KIND_CLUSTER);
  ck_assert_uint_eq (notified, 0);
  klynge_organisation_set_kind (org, KLYNGE_ORGANISATION_KIND_AGENCY);
  ck_assert_uint_eq (notified, 1);
  ck_assert_int_eq (klynge_organisation_get_kind (org), KLYNGE_ORGANISATION_KIND_AGENCY);
}
END_TEST

START_TEST (test_member_list_nicks_round_trip)
{
  static const NickCase cases[] = {
    { KLYNGE_MEMBER_LIST_UNKNOWN, "unknown" },
    { KLYNGE_MEMBER_LIST_PARTIAL, "partial" },
    { KLYNGE_MEMBER_LIST_COMPLETE, "complete" },
  };

  assert_enum_nicks (KLYNGE_TYPE_MEMBER_LIST, cases, G_N_ELEMENTS (cases));
}
END_TEST

START_TEST (test_organisation_member_list_is_unknown_and_unstated_until_set)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  guint notified = 0;
  KlyngeMemberList value = KLYNGE_MEMBER_LIST_COMPLETE;

  ck_assert_int_eq (klynge_organisation_get_member_list (org), KLYNGE_MEMBER_LIST_UNKNOWN);
  ck_assert (!klynge_organisation_is_member_list_stated (org));

  g_signal_connect (org, "notify::member-list", G_CALLBACK (count_notify), &notified);
  /* stating "unknown" changes no value but is kept, so it is saved */
  klynge_organisation_set_member_list (org, KLYNGE_MEMBER_LIST_UNKNOWN);
  ck_assert (klynge_organisation_is_member_list_stated (org));
  ck_assert_uint_eq (notified, 0);

  g_object_set (org, "member-list", KLYNGE_MEMBER_LIST_PARTIAL, NULL);
  ck_assert_uint_eq (notified, 1);
  g_object_get (org, "member-list", &value, NULL);
  ck_assert_int_eq (value, KLYNGE_MEMBER_LIST_PARTIAL);

  klynge_organisation_unset_member_list (org);
  ck_assert_uint_eq (notified, 2);
  ck_assert_int_eq (klynge_organisation_get_member_list (org), KLYNGE_MEMBER_LIST_UNKNOWN);
  ck_assert (!klynge_organisation_is_member_list_stated (org));
}
END_TEST

START_TEST (test_organisation_set_member_list_out_of_range_is_a_programmer_error)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();

  assert_critical (klynge_organisation_set_member_list (org, (KlyngeMemberList) 3));
  ck_assert_int_eq (klynge_organisation_get_member_list (org), KLYNGE_MEMBER_LIST_UNKNOWN);
  ck_assert (!klynge_organisation_is_member_list_stated (org));
}
END_TEST

START_TEST (test_organisation_set_kind_out_of_range_is_a_programmer_error)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();

  assert_critical (klynge_organisation_set_kind (org, (KlyngeOrganisationKind) 99));
  ck_assert_int_eq (klynge_organisation_get_kind (org), KLYNGE_ORGANISATION_KIND_CLUSTER);
}
END_TEST

START_TEST (test_organisation_property_with_invalid_value_is_a_programmer_error)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();

  assert_critical (g_object_set (org, "name", "", NULL));
  assert_critical (g_object_set (org, "cvr", "12345678", NULL));
  ck_assert_str_eq (klynge_organisation_get_name (org), "Klynge A");
  ck_assert_ptr_null (klynge_organisation_get_cvr (org));
}
END_TEST

/* --- text setters --------------------------------------------------------- */

typedef gboolean (*TextSetter) (KlyngeOrganisation *self,
                                const char         *value,
                                GError            **error);

static const struct {
  const char *what;
  TextSetter set;
  const char *value;
  int code;
} bad_texts[] = {
  { "name empty", klynge_organisation_set_name, "", KLYNGE_ERROR_BAD_VALUE },
  { "name not UTF-8", klynge_organisation_set_name, "Klynge \xe6", KLYNGE_ERROR_ENCODING },
  { "name with a control character", klynge_organisation_set_name, "Klynge\x0b", KLYNGE_ERROR_ENCODING },
  { "name-en empty", klynge_organisation_set_name_en, "", KLYNGE_ERROR_BAD_VALUE },
  { "name-en with U+FFFE", klynge_organisation_set_name_en, "\xef\xbf\xbe", KLYNGE_ERROR_ENCODING },
  { "website empty", klynge_organisation_set_website, "", KLYNGE_ERROR_BAD_VALUE },
  { "website not UTF-8", klynge_organisation_set_website, "https://\xc3(", KLYNGE_ERROR_ENCODING },
  { "cvr seven digits", klynge_organisation_set_cvr, "1374813", KLYNGE_ERROR_BAD_CVR },
  { "cvr nine digits", klynge_organisation_set_cvr, "137481360", KLYNGE_ERROR_BAD_CVR },
  { "cvr with a letter", klynge_organisation_set_cvr, "1374813a", KLYNGE_ERROR_BAD_CVR },
  { "cvr failing modulus 11", klynge_organisation_set_cvr, "13748137", KLYNGE_ERROR_BAD_CVR },
  { "cvr all zeros", klynge_organisation_set_cvr, "00000000", KLYNGE_ERROR_BAD_CVR },
  { "cvr empty", klynge_organisation_set_cvr, "", KLYNGE_ERROR_BAD_CVR },
  { "focus area empty", klynge_organisation_add_focus_area, "", KLYNGE_ERROR_BAD_VALUE },
  { "focus area not UTF-8", klynge_organisation_add_focus_area, "\xff", KLYNGE_ERROR_ENCODING },
  { "focus area already there", klynge_organisation_add_focus_area, "energy", KLYNGE_ERROR_DUPLICATE_ID },
};

START_TEST (test_organisation_text_setters_reject_bad_values_and_change_nothing)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_organisation_set_name_en (org, "Cluster A", NULL));
  ck_assert (klynge_organisation_set_website (org, "https://a.example", NULL));
  ck_assert (klynge_organisation_set_cvr (org, "24256790", NULL));
  ck_assert (klynge_organisation_add_focus_area (org, "energy", NULL));
  g_signal_connect (org, "notify", G_CALLBACK (count_notify), &notified);

  ck_assert_msg (!bad_texts[_i].set (org, bad_texts[_i].value, &error), "%s", bad_texts[_i].what);
  ck_assert_klynge_error (error, bad_texts[_i].code);

  ck_assert_str_eq (klynge_organisation_get_name (org), "Klynge A");
  ck_assert_str_eq (klynge_organisation_get_name_en (org), "Cluster A");
  ck_assert_str_eq (klynge_organisation_get_website (org), "https://a.example");
  ck_assert_str_eq (klynge_organisation_get_cvr (org), "24256790");
  ck_assert_str_eq (klynge_organisation_get_focus_areas (org)[0], "energy");
  ck_assert_ptr_null (klynge_organisation_get_focus_areas (org)[1]);
  ck_assert_uint_eq (notified, 0);
}
END_TEST

START_TEST (test_organisation_optional_texts_are_cleared_by_null)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  GError *error = NULL;

  ck_assert (klynge_organisation_set_name_en (org, "Cluster A", NULL));
  ck_assert (klynge_organisation_set_website (org, "https://a.example", NULL));
  ck_assert (klynge_organisation_set_cvr (org, "13748136", NULL));

  ck_assert (klynge_organisation_set_name_en (org, NULL, &error));
  ck_assert (klynge_organisation_set_website (org, NULL, &error));
  ck_assert (klynge_organisation_set_cvr (org, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_organisation_get_name_en (org));
  ck_assert_ptr_null (klynge_organisation_get_website (org));
  ck_assert_ptr_null (klynge_organisation_get_cvr (org));
}
END_TEST

START_TEST (test_organisation_set_name_null_is_a_programmer_error)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();

  assert_critical (klynge_organisation_set_name (org, NULL, NULL));
  ck_assert_str_eq (klynge_organisation_get_name (org), "Klynge A");
}
END_TEST

/* --- founded and dissolved ------------------------------------------------ */

static const struct {
  KlyngeDate founded;
  KlyngeDate dissolved;
  gboolean ok;
} founded_dissolved[] = {
  { { 2014, 5, 9 }, { 2020, 6, 30 }, TRUE },
  { { 2014, 5, 9 }, { 2014, 5, 9 }, TRUE },     /* same day */
  { { 2014, 0, 0 }, { 2014, 0, 0 }, TRUE },
  { { 2014, 0, 0 }, { 2014, 1, 1 }, TRUE },
  { { 2020, 6, 1 }, { 2019, 12, 31 }, FALSE },
  { { 2014, 5, 9 }, { 2014, 5, 8 }, FALSE },
  { { 2014, 5, 9 }, { 2014, 5, 0 }, FALSE },    /* May 2014 stands for 1 May */
  { { 2014, 5, 9 }, { 2014, 0, 0 }, FALSE },
};

START_TEST (test_organisation_set_dissolved_rejects_date_before_founded)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate old = { 2030, 1, 1 };
  GError *error = NULL;
  guint notified = 0;

  ck_assert (klynge_organisation_set_dissolved (org, &old, NULL));
  ck_assert (klynge_organisation_set_founded (org, &founded_dissolved[_i].founded, NULL));
  g_signal_connect (org, "notify::dissolved", G_CALLBACK (count_notify), &notified);

  if (founded_dissolved[_i].ok)
    {
      ck_assert (klynge_organisation_set_dissolved (org, &founded_dissolved[_i].dissolved, &error));
      ck_assert_no_error (error);
      ck_assert (klynge_date_equal (klynge_organisation_get_dissolved (org),
                                    &founded_dissolved[_i].dissolved));
      ck_assert_uint_eq (notified, 1);
    }
  else
    {
      ck_assert (!klynge_organisation_set_dissolved (org, &founded_dissolved[_i].dissolved, &error));
      ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
      ck_assert (klynge_date_equal (klynge_organisation_get_dissolved (org), &old));
      ck_assert_uint_eq (notified, 0);
    }
}
END_TEST

START_TEST (test_organisation_set_founded_rejects_date_after_dissolved)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate old = { 1999, 1, 1 };
  GError *error = NULL;

  ck_assert (klynge_organisation_set_founded (org, &old, NULL));
  ck_assert (klynge_organisation_set_dissolved (org, &founded_dissolved[_i].dissolved, NULL));

  if (founded_dissolved[_i].ok)
    {
      ck_assert (klynge_organisation_set_founded (org, &founded_dissolved[_i].founded, &error));
      ck_assert_no_error (error);
      ck_assert (klynge_date_equal (klynge_organisation_get_founded (org),
                                    &founded_dissolved[_i].founded));
    }
  else
    {
      ck_assert (!klynge_organisation_set_founded (org, &founded_dissolved[_i].founded, &error));
      ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
      ck_assert (klynge_date_equal (klynge_organisation_get_founded (org), &old));
    }
}
END_TEST

static const KlyngeDate nonexistent_dates[] = {
  { 2019, 2, 29 },
  { 2021, 4, 31 },
  { 2020, 13, 0 },
  { 999, 0, 0 },
  { 2020, 0, 5 },
};

START_TEST (test_organisation_date_setters_reject_nonexistent_dates)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate founded = { 2014, 0, 0 };
  GError *error = NULL;

  ck_assert (klynge_organisation_set_founded (org, &founded, NULL));

  ck_assert (!klynge_organisation_set_founded (org, &nonexistent_dates[_i], &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);
  ck_assert (!klynge_organisation_set_dissolved (org, &nonexistent_dates[_i], &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_DATE);

  ck_assert (klynge_date_equal (klynge_organisation_get_founded (org), &founded));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_dissolved (org)));
}
END_TEST

START_TEST (test_organisation_dates_are_cleared_by_null_or_an_unset_date)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate founded = { 2014, 0, 0 }, dissolved = { 2020, 6, 30 }, unset = { 0, 0, 0 };

  ck_assert (klynge_organisation_set_founded (org, &founded, NULL));
  ck_assert (klynge_organisation_set_dissolved (org, &dissolved, NULL));

  ck_assert (klynge_organisation_set_founded (org, NULL, NULL));
  ck_assert (klynge_organisation_set_dissolved (org, &unset, NULL));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_founded (org)));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_dissolved (org)));
}
END_TEST

static const struct {
  KlyngeDate date;
  gboolean active;
} active_on[] = {
  { { 2013, 12, 31 }, FALSE },
  { { 2014, 5, 8 }, FALSE },
  { { 2014, 5, 9 }, TRUE },         /* founding day */
  { { 2014, 5, 0 }, FALSE },        /* May 2014 stands for 1 May */
  { { 2014, 6, 0 }, TRUE },
  { { 2020, 0, 0 }, TRUE },
  { { 2020, 6, 29 }, TRUE },
  { { 2020, 6, 30 }, TRUE },        /* dissolution day: its last day */
  { { 2020, 7, 1 }, FALSE },        /* the day a merger takes effect */
  { { 2020, 6, 0 }, TRUE },         /* June 2020 stands for 1 June */
  { { 2021, 0, 0 }, FALSE },
};

START_TEST (test_organisation_is_active_from_founded_through_dissolved)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate founded = { 2014, 5, 9 }, dissolved = { 2020, 6, 30 };

  ck_assert (klynge_organisation_set_founded (org, &founded, NULL));
  ck_assert (klynge_organisation_set_dissolved (org, &dissolved, NULL));

  ck_assert_int_eq (klynge_organisation_is_active_on (org, &active_on[_i].date),
                    active_on[_i].active);
}
END_TEST

/* Issue 15: a missing founding date is not "always": the organisation is
 * not known to be active before its own record shows it so. */
START_TEST (test_organisation_without_dates_is_never_known_to_be_active)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate early = { 1000, 1, 1 }, late = { 9999, 12, 31 };

  ck_assert (!klynge_organisation_is_active_on (org, &early));
  ck_assert (!klynge_organisation_is_active_on (org, &late));
}
END_TEST

static const struct {
  const char *founded;
  const char *dissolved;
  const char *awarded;    /* a label's, or NULL */
  KlyngeDate date;
  gboolean active;
} own_dates[] = {
  { "2014", NULL, NULL, { 2014, 6, 1 }, FALSE },        /* within "founded 2014": not known */
  { "2014", NULL, NULL, { 2014, 12, 31 }, TRUE },       /* founded by then at the latest */
  { "2014", "2021", NULL, { 2021, 1, 1 }, TRUE },
  { "2014", "2021", NULL, { 2021, 6, 30 }, FALSE },     /* within "dissolved 2021": not known */
  { NULL, NULL, "2016-06", { 2016, 6, 29 }, FALSE },
  { NULL, NULL, "2016-06", { 2016, 6, 30 }, TRUE },     /* awarded in June 2016 at the latest */
  { NULL, "2020-06-30", NULL, { 2020, 6, 29 }, FALSE },
  { NULL, "2020-06-30", NULL, { 2020, 6, 30 }, TRUE },  /* the dissolution date is its last day */
};

START_TEST (test_organisation_is_active_on_its_own_dates_as_intervals)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  g_autoptr(GError) error = NULL;

  if (own_dates[_i].founded != NULL)
    {
      KlyngeDate date = klynge_test_date (own_dates[_i].founded);
      ck_assert (klynge_organisation_set_founded (org, &date, &error));
    }
  if (own_dates[_i].dissolved != NULL)
    {
      KlyngeDate date = klynge_test_date (own_dates[_i].dissolved);
      ck_assert (klynge_organisation_set_dissolved (org, &date, &error));
    }
  if (own_dates[_i].awarded != NULL)
    {
      KlyngeDate date = klynge_test_date (own_dates[_i].awarded);
      g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_SILVER, &date, NULL, &error);

      klynge_organisation_add_label (org, label);
    }
  ck_assert_int_eq (klynge_organisation_is_active_on (org, &own_dates[_i].date), own_dates[_i].active);
}
END_TEST

START_TEST (test_organisation_is_active_on_an_unset_date_is_a_programmer_error)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate unset = { 0, 0, 0 };
  gboolean active = TRUE;

  assert_critical (active = klynge_organisation_is_active_on (org, &unset));
  ck_assert (!active);
}
END_TEST

/* --- known until ---------------------------------------------------------- */

/* Sets the dates that are not NULL, in the order founded, dissolved, known
 * until, each of which must succeed. */
static KlyngeOrganisation *
new_organisation_with_life (const char *founded,
                            const char *dissolved,
                            const char *known_until)
{
  KlyngeOrganisation *org = new_organisation ();
  const char *texts[] = { founded, dissolved, known_until };
  gboolean (*setters[]) (KlyngeOrganisation *, const KlyngeDate *, GError **) = {
    klynge_organisation_set_founded, klynge_organisation_set_dissolved,
    klynge_organisation_set_known_until,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      {
        KlyngeDate date = klynge_test_date (texts[i]);
        g_autoptr(GError) error = NULL;

        ck_assert (setters[i] (org, &date, &error));
        ck_assert_no_error (error);
      }
  return org;
}

static const struct {
  const char *founded;
  const char *dissolved;
  const char *known_until;
  const char *date;
  KlyngeOrganisationStatus status;
} known_until_status[] = {
  /* without it, active for ever after the founding */
  { "2013", NULL, NULL, "2030-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2013", NULL, "2019-06-30", "2019-06-29", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2013", NULL, "2019-06-30", "2019-06-30", KLYNGE_ORGANISATION_STATUS_ACTIVE },   /* its last known day */
  { "2013", NULL, "2019-06-30", "2019-07-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2013", NULL, "2019-06-30", "2030-01-01", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },  /* never dissolved */
  /* a partial date is certain through its first day only */
  { "2013", NULL, "2021", "2021-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2013", NULL, "2021", "2021-01-02", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { "2013", NULL, "2021-06", "2021-06-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2013", NULL, "2021-06", "2021-06-30", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  /* it does not move the founding */
  { "2013-05-09", NULL, "2019", "2013-05-08", KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED },
  /* with no founding date it is the first day the record shows */
  { NULL, NULL, "2019-06-30", "2019-06-29", KLYNGE_ORGANISATION_STATUS_NOT_KNOWN },
  { NULL, NULL, "2019-06-30", "2019-06-30", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  /* the dissolution date, the organisation's last day, says more */
  { "2013", "2022-12-31", "2019-06-30", "2020-01-01", KLYNGE_ORGANISATION_STATUS_ACTIVE },
  { "2013", "2022-12-31", "2019-06-30", "2023-01-01", KLYNGE_ORGANISATION_STATUS_DISSOLVED },
  { "2013", "2019-06-30", "2019-06-30", "2019-07-01", KLYNGE_ORGANISATION_STATUS_DISSOLVED },
};

START_TEST (test_organisation_is_not_known_after_its_known_until_date_unless_dissolved)
{
  g_autoptr(KlyngeOrganisation) org =
    new_organisation_with_life (known_until_status[_i].founded, known_until_status[_i].dissolved,
                                known_until_status[_i].known_until);
  KlyngeDate date = klynge_test_date (known_until_status[_i].date);

  ck_assert_int_eq (_klynge_organisation_status_on (org, klynge_date_get_first_day (&date),
                                                    _klynge_organisation_first_stated_day (org)),
                    known_until_status[_i].status);
  ck_assert_int_eq (klynge_organisation_is_active_on (org, &date),
                    known_until_status[_i].status == KLYNGE_ORGANISATION_STATUS_ACTIVE);
}
END_TEST

static const struct {
  const char *founded;
  const char *dissolved;
  KlyngeDate known_until;
  int code;             /* 0: accepted */
} known_until_periods[] = {
  { "2013-05-09", NULL, { 2013, 5, 9 }, 0 },                           /* the founding day */
  { "2013", NULL, { 2013, 0, 0 }, 0 },
  { "2013", "2020-06-30", { 2020, 6, 30 }, 0 },                        /* the dissolution day */
  { "2013", "2020", { 2020, 0, 0 }, 0 },
  { "2013", "2020-06-30", { 2020, 7, 1 }, KLYNGE_ERROR_BAD_PERIOD },
  { "2013", "2020-06-30", { 2021, 0, 0 }, KLYNGE_ERROR_BAD_PERIOD },
  { "2013", "2020", { 2020, 12, 0 }, KLYNGE_ERROR_BAD_PERIOD },        /* "2020" stands for 1 January */
  { "2013", "2020-06", { 2020, 7, 0 }, KLYNGE_ERROR_BAD_PERIOD },
  { "2013-05-09", NULL, { 2013, 5, 8 }, KLYNGE_ERROR_BAD_PERIOD },
  { "2013-05-09", NULL, { 2013, 0, 0 }, KLYNGE_ERROR_BAD_PERIOD },     /* 2013 stands for 1 January */
  { NULL, NULL, { 2019, 2, 29 }, KLYNGE_ERROR_BAD_DATE },
  { NULL, NULL, { 2020, 0, 5 }, KLYNGE_ERROR_BAD_DATE },
};

START_TEST (test_organisation_set_known_until_keeps_it_within_the_life)
{
  g_autoptr(KlyngeOrganisation) org =
    new_organisation_with_life (known_until_periods[_i].founded, known_until_periods[_i].dissolved, NULL);
  const KlyngeDate *date = &known_until_periods[_i].known_until;
  GError *error = NULL;
  guint notified = 0;

  g_signal_connect (org, "notify::known-until", G_CALLBACK (count_notify), &notified);

  if (known_until_periods[_i].code == 0)
    {
      ck_assert (klynge_organisation_set_known_until (org, date, &error));
      ck_assert_no_error (error);
      ck_assert (klynge_date_equal (klynge_organisation_get_known_until (org), date));
      ck_assert_uint_eq (notified, 1);
    }
  else
    {
      ck_assert (!klynge_organisation_set_known_until (org, date, &error));
      ck_assert_klynge_error (error, known_until_periods[_i].code);
      ck_assert (!klynge_date_is_set (klynge_organisation_get_known_until (org)));
      ck_assert_uint_eq (notified, 0);
    }
}
END_TEST

/* The check holds whichever date is set last. */
START_TEST (test_organisation_founded_and_dissolved_keep_around_known_until)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation_with_life (NULL, NULL, "2019-06-30");
  KlyngeDate late_founding = { 2019, 7, 1 }, early_dissolution = { 2019, 6, 29 };
  KlyngeDate same_day = { 2019, 6, 30 };
  GError *error = NULL;

  ck_assert (!klynge_organisation_set_founded (org, &late_founding, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
  ck_assert (!klynge_organisation_set_dissolved (org, &early_dissolution, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_BAD_PERIOD);
  ck_assert (!klynge_date_is_set (klynge_organisation_get_founded (org)));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_dissolved (org)));

  ck_assert (klynge_organisation_set_founded (org, &same_day, NULL));
  ck_assert (klynge_organisation_set_dissolved (org, &same_day, NULL));
}
END_TEST

START_TEST (test_organisation_known_until_is_a_property_cleared_by_null)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate known_until = { 2019, 6, 0 };
  g_autoptr(KlyngeDate) read = NULL;

  g_object_set (org, "known-until", &known_until, NULL);
  g_object_get (org, "known-until", &read, NULL);
  ck_assert (klynge_date_equal (read, &known_until));
  ck_assert (klynge_organisation_set_known_until (org, NULL, NULL));
  ck_assert (!klynge_date_is_set (klynge_organisation_get_known_until (org)));
}
END_TEST

START_TEST (test_organisation_with_a_known_until_date_needs_version_2)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation_with_life ("2013", NULL, NULL);
  KlyngeDate known_until = { 2019, 0, 0 };

  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 1);
  ck_assert (klynge_organisation_set_known_until (org, &known_until, NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 2);
  ck_assert (klynge_organisation_set_known_until (org, NULL, NULL));
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 1);
}
END_TEST

/* --- focus areas ---------------------------------------------------------- */

START_TEST (test_organisation_focus_areas_keep_insertion_order_and_stay_null_terminated)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  const char * const *areas;

  ck_assert (klynge_organisation_add_focus_area (org, "energy", NULL));
  ck_assert (klynge_organisation_add_focus_area (org, "water", NULL));
  ck_assert (klynge_organisation_add_focus_area (org, "biotech", NULL));

  areas = klynge_organisation_get_focus_areas (org);
  ck_assert_str_eq (areas[0], "energy");
  ck_assert_str_eq (areas[1], "water");
  ck_assert_str_eq (areas[2], "biotech");
  ck_assert_ptr_null (areas[3]);

  klynge_organisation_clear_focus_areas (org);
  areas = klynge_organisation_get_focus_areas (org);
  ck_assert_ptr_nonnull (areas);
  ck_assert_ptr_null (areas[0]);
}
END_TEST

START_TEST (test_organisation_has_focus_area_compares_exactly)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();

  ck_assert (klynge_organisation_add_focus_area (org, "energy", NULL));
  ck_assert (klynge_organisation_has_focus_area (org, "energy"));
  ck_assert (!klynge_organisation_has_focus_area (org, "Energy"));
  ck_assert (!klynge_organisation_has_focus_area (org, "energy "));
  ck_assert (!klynge_organisation_has_focus_area (org, "water"));

  /* Exact comparison: a different case is a different focus area. */
  ck_assert (klynge_organisation_add_focus_area (org, "Energy", NULL));
}
END_TEST

/* --- locations ------------------------------------------------------------ */

static const struct {
  const char *city;
  const char *address;
  const char *role;
  int code;
} bad_locations[] = {
  { "", NULL, NULL, KLYNGE_ERROR_BAD_VALUE },
  { "Aalborg", "", NULL, KLYNGE_ERROR_BAD_VALUE },
  { "Aalborg", NULL, "", KLYNGE_ERROR_BAD_VALUE },
  { "K\xf8" "benhavn", NULL, NULL, KLYNGE_ERROR_ENCODING },      /* Latin-1 ø */
  { "Aalborg", "Vej 1\x02", NULL, KLYNGE_ERROR_ENCODING },
  { "Aalborg", NULL, "sekretariat\xed\xa0\x80", KLYNGE_ERROR_ENCODING }, /* surrogate */
};

START_TEST (test_location_new_rejects_bad_values)
{
  GError *error = NULL;
  KlyngeLocation *location = klynge_location_new (bad_locations[_i].city,
                                                  bad_locations[_i].address,
                                                  bad_locations[_i].role,
                                                  &error);

  ck_assert_ptr_null (location);
  ck_assert_klynge_error (error, bad_locations[_i].code);
}
END_TEST

START_TEST (test_location_keeps_its_values_and_is_refcounted)
{
  KlyngeLocation *location = klynge_location_new ("København V", "Dantes Plads 1, 1. th.",
                                                  NULL, NULL);
  KlyngeLocation *copy;

  ck_assert_str_eq (klynge_location_get_city (location), "København V");
  ck_assert_str_eq (klynge_location_get_address (location), "Dantes Plads 1, 1. th.");
  ck_assert_ptr_null (klynge_location_get_role (location));

  ck_assert_ptr_eq (klynge_location_ref (location), location);
  klynge_location_unref (location);
  copy = g_boxed_copy (KLYNGE_TYPE_LOCATION, location);
  ck_assert_ptr_eq (copy, location);
  g_boxed_free (KLYNGE_TYPE_LOCATION, copy);
  klynge_location_unref (location);
}
END_TEST

START_TEST (test_organisation_locations_keep_order_and_hold_references)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeLocation *lemvig = klynge_location_new ("Lemvig", "Havnen 66", "secretariat", NULL);
  KlyngeLocation *copenhagen = klynge_location_new ("København V", NULL, NULL, NULL);
  GPtrArray *locations;

  klynge_organisation_add_location (org, lemvig);
  klynge_organisation_add_location (org, copenhagen);
  klynge_location_unref (lemvig);
  klynge_location_unref (copenhagen);

  locations = klynge_organisation_get_locations (org);
  ck_assert_uint_eq (locations->len, 2);
  ck_assert_str_eq (klynge_location_get_city (g_ptr_array_index (locations, 0)), "Lemvig");
  ck_assert_str_eq (klynge_location_get_role (g_ptr_array_index (locations, 0)), "secretariat");
  ck_assert_str_eq (klynge_location_get_city (g_ptr_array_index (locations, 1)), "København V");

  klynge_organisation_clear_locations (org);
  ck_assert_uint_eq (klynge_organisation_get_locations (org)->len, 0);
}
END_TEST

START_TEST (test_organisation_has_city_compares_exactly)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  g_autoptr(KlyngeLocation) location = klynge_location_new ("Aalborg", NULL, NULL, NULL);

  ck_assert (!klynge_organisation_has_city (org, "Aalborg"));
  klynge_organisation_add_location (org, location);
  ck_assert (klynge_organisation_has_city (org, "Aalborg"));
  ck_assert (!klynge_organisation_has_city (org, "aalborg"));
  ck_assert (!klynge_organisation_has_city (org, "Aalborg Ø"));
}
END_TEST

/* --- the region and municipality of a location --------------------------- */

static const struct {
  const char *region;
  const char *municipality;
  int code;
} bad_geography[] = {
  { "DK06", NULL, KLYNGE_ERROR_UNKNOWN_REGION },
  { "dk05", NULL, KLYNGE_ERROR_UNKNOWN_REGION },
  { "Nordjylland", "851", KLYNGE_ERROR_UNKNOWN_REGION },
  { NULL, "411", KLYNGE_ERROR_UNKNOWN_MUNICIPALITY },     /* Christiansø: in no region */
  { NULL, "0851", KLYNGE_ERROR_UNKNOWN_MUNICIPALITY },
  { "DK05", "999", KLYNGE_ERROR_UNKNOWN_MUNICIPALITY },
  { "DK01", "851", KLYNGE_ERROR_REGION_MISMATCH },        /* Aalborg lies in DK05 */
  { "DK02", "101", KLYNGE_ERROR_REGION_MISMATCH },        /* København lies in DK01 */
  { "", NULL, KLYNGE_ERROR_BAD_VALUE },
  { NULL, "", KLYNGE_ERROR_BAD_VALUE },
  { "DK0\xc5", NULL, KLYNGE_ERROR_ENCODING },
};

START_TEST (test_location_new_full_rejects_unknown_or_disagreeing_geography)
{
  GError *error = NULL;
  KlyngeLocation *location = klynge_location_new_full ("Aalborg", NULL, NULL,
                                                       bad_geography[_i].region,
                                                       bad_geography[_i].municipality,
                                                       &error);

  ck_assert_ptr_null (location);
  ck_assert_klynge_error (error, bad_geography[_i].code);
}
END_TEST

static const struct {
  const char *region;
  const char *municipality;
  const char *effective_region;
} good_geography[] = {
  { "DK05", "851", "DK05" },
  { NULL, "851", "DK05" },                /* a municipality alone stands for its region */
  { "DK02", NULL, "DK02" },
  { NULL, NULL, NULL },
  { "DK01", "400", "DK01" },              /* Bornholm lies in Hovedstaden */
};

START_TEST (test_location_keeps_the_region_and_municipality_it_states)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLocation) location = klynge_location_new_full ("Aalborg", "Vej 1", "hub",
                                                                 good_geography[_i].region,
                                                                 good_geography[_i].municipality,
                                                                 &error);

  ck_assert_no_error (error);
  ck_assert_str_eq (klynge_location_get_city (location), "Aalborg");
  ck_assert_str_eq (klynge_location_get_address (location), "Vej 1");
  ck_assert_str_eq (klynge_location_get_role (location), "hub");
  ck_assert_pstr_eq (klynge_location_get_region (location), good_geography[_i].region);
  ck_assert_pstr_eq (klynge_location_get_municipality (location), good_geography[_i].municipality);
  ck_assert_pstr_eq (klynge_location_get_effective_region (location), good_geography[_i].effective_region);
}
END_TEST

START_TEST (test_location_equal_compares_every_field)
{
  g_autoptr(KlyngeLocation) a = klynge_location_new_full ("Aalborg", NULL, "hub", "DK05", "851", NULL);
  g_autoptr(KlyngeLocation) same = klynge_location_new_full ("Aalborg", NULL, "hub", "DK05", "851", NULL);
  g_autoptr(KlyngeLocation) no_region = klynge_location_new_full ("Aalborg", NULL, "hub", NULL, "851", NULL);
  g_autoptr(KlyngeLocation) no_municipality = klynge_location_new_full ("Aalborg", NULL, "hub", "DK05", NULL, NULL);
  g_autoptr(KlyngeLocation) other_role = klynge_location_new_full ("Aalborg", NULL, NULL, "DK05", "851", NULL);

  ck_assert (klynge_location_equal (a, same));
  ck_assert (!klynge_location_equal (a, no_region));
  ck_assert (!klynge_location_equal (a, no_municipality));
  ck_assert (!klynge_location_equal (a, other_role));
  ck_assert (!klynge_location_equal (no_region, no_municipality));
}
END_TEST

START_TEST (test_organisation_has_region_counts_a_municipality_in_its_region)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  g_autoptr(KlyngeLocation) aalborg = klynge_location_new_full ("Aalborg", NULL, NULL, NULL, "851", NULL);
  g_autoptr(KlyngeLocation) roskilde = klynge_location_new_full ("Roskilde", NULL, NULL, "DK02", NULL, NULL);

  klynge_organisation_add_location (org, aalborg);
  klynge_organisation_add_location (org, roskilde);
  ck_assert (klynge_organisation_has_region (org, "DK05"));
  ck_assert (klynge_organisation_has_region (org, "DK02"));
  ck_assert (!klynge_organisation_has_region (org, "DK01"));
  ck_assert (klynge_organisation_has_municipality (org, "851"));
  /* a region does not tell its municipality */
  ck_assert (!klynge_organisation_has_municipality (org, "265"));
}
END_TEST

/* Region and municipality are format version 2: an organisation that
 * states them needs it, one that does not stays version 1. */
START_TEST (test_organisation_with_a_placed_location_needs_version_2)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  g_autoptr(KlyngeLocation) plain = klynge_location_new ("Aalborg", NULL, NULL, NULL);
  g_autoptr(KlyngeLocation) placed = klynge_location_new_full ("Aalborg", NULL, NULL, NULL, "851", NULL);

  klynge_organisation_add_location (org, plain);
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 1);
  klynge_organisation_add_location (org, placed);
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 2);
  klynge_organisation_clear_locations (org);
  ck_assert_uint_eq (_klynge_record_get_format_version (KLYNGE_RECORD (org)), 1);
}
END_TEST

/* --- labels --------------------------------------------------------------- */

static const struct {
  KlyngeDate awarded;
  KlyngeDate valid_until;
  int code;
} bad_labels[] = {
  { { 0, 0, 0 }, { 0, 0, 0 }, KLYNGE_ERROR_BAD_DATE },           /* no awarded date */
  { { 2019, 2, 29 }, { 0, 0, 0 }, KLYNGE_ERROR_BAD_DATE },
  { { 2019, 7, 0 }, { 2021, 2, 30 }, KLYNGE_ERROR_BAD_DATE },
  { { 2019, 7, 0 }, { 2019, 6, 30 }, KLYNGE_ERROR_BAD_PERIOD },
  { { 2019, 7, 15 }, { 2019, 6, 0 }, KLYNGE_ERROR_BAD_PERIOD },
};

START_TEST (test_label_new_rejects_bad_dates)
{
  GError *error = NULL;
  KlyngeLabel *label = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD,
                                         &bad_labels[_i].awarded,
                                         &bad_labels[_i].valid_until,
                                         &error);

  ck_assert_ptr_null (label);
  ck_assert_klynge_error (error, bad_labels[_i].code);
}
END_TEST

START_TEST (test_label_valid_until_a_partial_date_runs_to_its_last_day)
{
  KlyngeDate awarded = { 2021, 7, 15 }, valid_until = { 2021, 7, 0 };
  GError *error = NULL;
  g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_SILVER,
                                                   &awarded, &valid_until, &error);

  ck_assert_no_error (error);
  ck_assert_int_eq (klynge_label_get_level (label), KLYNGE_LABEL_LEVEL_SILVER);
  ck_assert (klynge_date_equal (klynge_label_get_awarded (label), &awarded));
  ck_assert (klynge_date_equal (klynge_label_get_valid_until (label), &valid_until));
}
END_TEST

START_TEST (test_label_without_valid_until_is_open_ended_and_refcounted)
{
  KlyngeDate awarded = { 2019, 7, 0 };
  KlyngeLabel *label = klynge_label_new (KLYNGE_LABEL_LEVEL_BRONZE, &awarded, NULL, NULL);
  KlyngeLabel *copy;

  ck_assert (!klynge_date_is_set (klynge_label_get_valid_until (label)));
  ck_assert_ptr_eq (klynge_label_ref (label), label);
  klynge_label_unref (label);
  copy = g_boxed_copy (KLYNGE_TYPE_LABEL, label);
  ck_assert_ptr_eq (copy, label);
  g_boxed_free (KLYNGE_TYPE_LABEL, copy);
  klynge_label_unref (label);
}
END_TEST

/* A label made through the API has no line; the reader gives one its
 * <label>'s. */
START_TEST (test_label_line_is_zero_unless_the_reader_sets_it)
{
  KlyngeDate awarded = { 2019, 7, 0 };
  g_autoptr(KlyngeLabel) label = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD, &awarded, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLandscape) landscape = NULL;
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<landscape xmlns=\"urn:klynge:landscape:1\" version=\"1\">\n"
    "  <organisations>\n"
    "    <organisation id=\"a\" kind=\"cluster\"><name>A</name>\n"
    "      <label level=\"silver\" awarded=\"2017\"/>\n"
    "      <label level=\"gold\" awarded=\"2019-07\"/>\n"
    "    </organisation>\n"
    "  </organisations>\n"
    "</landscape>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  GPtrArray *labels;

  ck_assert_uint_eq (klynge_label_get_line (label), 0);
  landscape = klynge_landscape_load_bytes (bytes, "labels.xml", NULL, &error);
  ck_assert_no_error (error);
  labels = klynge_organisation_get_labels (KLYNGE_ORGANISATION (klynge_landscape_lookup (landscape, "a")));
  ck_assert_uint_eq (labels->len, 2);
  ck_assert_uint_eq (klynge_label_get_line (g_ptr_array_index (labels, 0)), 5);
  ck_assert_uint_eq (klynge_label_get_line (g_ptr_array_index (labels, 1)), 6);
}
END_TEST

START_TEST (test_label_new_with_invalid_level_is_a_programmer_error)
{
  KlyngeDate awarded = { 2019, 7, 0 };
  KlyngeLabel *label = NULL;

  assert_critical (label = klynge_label_new ((KlyngeLabelLevel) 3, &awarded, NULL, NULL));
  ck_assert_ptr_null (label);
}
END_TEST

START_TEST (test_organisation_labels_keep_order_and_hold_references)
{
  g_autoptr(KlyngeOrganisation) org = new_organisation ();
  KlyngeDate first = { 2017, 0, 0 }, second = { 2019, 7, 0 };
  KlyngeLabel *silver = klynge_label_new (KLYNGE_LABEL_LEVEL_SILVER, &first, NULL, NULL);
  KlyngeLabel *gold = klynge_label_new (KLYNGE_LABEL_LEVEL_GOLD, &second, NULL, NULL);
  GPtrArray *labels;

  klynge_organisation_add_label (org, silver);
  klynge_organisation_add_label (org, gold);
  klynge_label_unref (silver);
  klynge_label_unref (gold);

  labels = klynge_organisation_get_labels (org);
  ck_assert_uint_eq (labels->len, 2);
  ck_assert_int_eq (klynge_label_get_level (g_ptr_array_index (labels, 0)), KLYNGE_LABEL_LEVEL_SILVER);
  ck_assert_int_eq (klynge_label_get_level (g_ptr_array_index (labels, 1)), KLYNGE_LABEL_LEVEL_GOLD);

  klynge_organisation_clear_labels (org);
  ck_assert_uint_eq (klynge_organisation_get_labels (org)->len, 0);
}
END_TEST

static Suite *
organisation_suite (void)
{
  Suite *suite = suite_create ("organisation");
  TCase *tc;

  tc = tcase_create ("enums");
  tcase_add_test (tc, test_organisation_kind_nicks_round_trip);
  tcase_add_test (tc, test_label_level_nicks_round_trip);
  tcase_add_test (tc, test_organisation_status_nicks_round_trip);
  tcase_add_test (tc, test_member_list_nicks_round_trip);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("construction");
  tcase_add_test (tc, test_organisation_new_sets_id_kind_and_name_and_nothing_else);
  tcase_add_test (tc, test_organisation_new_with_invalid_arguments_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("properties");
  tcase_add_test (tc, test_organisation_properties_round_trip_and_notify_only_on_change);
  tcase_add_test (tc, test_organisation_unset_date_properties_read_as_null_and_null_clears);
  tcase_add_test (tc, test_organisation_kind_setter_notifies_only_on_change);
  tcase_add_test (tc, test_organisation_set_kind_out_of_range_is_a_programmer_error);
  tcase_add_test (tc, test_organisation_member_list_is_unknown_and_unstated_until_set);
  tcase_add_test (tc, test_organisation_set_member_list_out_of_range_is_a_programmer_error);
  tcase_add_test (tc, test_organisation_property_with_invalid_value_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("texts");
  tcase_add_loop_test (tc, test_organisation_text_setters_reject_bad_values_and_change_nothing,
                       0, G_N_ELEMENTS (bad_texts));
  tcase_add_test (tc, test_organisation_optional_texts_are_cleared_by_null);
  tcase_add_test (tc, test_organisation_set_name_null_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("dates");
  tcase_add_loop_test (tc, test_organisation_set_dissolved_rejects_date_before_founded,
                       0, G_N_ELEMENTS (founded_dissolved));
  tcase_add_loop_test (tc, test_organisation_set_founded_rejects_date_after_dissolved,
                       0, G_N_ELEMENTS (founded_dissolved));
  tcase_add_loop_test (tc, test_organisation_date_setters_reject_nonexistent_dates,
                       0, G_N_ELEMENTS (nonexistent_dates));
  tcase_add_test (tc, test_organisation_dates_are_cleared_by_null_or_an_unset_date);
  tcase_add_loop_test (tc, test_organisation_is_active_from_founded_through_dissolved,
                       0, G_N_ELEMENTS (active_on));
  tcase_add_test (tc, test_organisation_without_dates_is_never_known_to_be_active);
  tcase_add_loop_test (tc, test_organisation_is_active_on_its_own_dates_as_intervals, 0, G_N_ELEMENTS (own_dates));
  tcase_add_test (tc, test_organisation_is_active_on_an_unset_date_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("known until");
  tcase_add_loop_test (tc, test_organisation_is_not_known_after_its_known_until_date_unless_dissolved,
                       0, G_N_ELEMENTS (known_until_status));
  tcase_add_loop_test (tc, test_organisation_set_known_until_keeps_it_within_the_life,
                       0, G_N_ELEMENTS (known_until_periods));
  tcase_add_test (tc, test_organisation_founded_and_dissolved_keep_around_known_until);
  tcase_add_test (tc, test_organisation_known_until_is_a_property_cleared_by_null);
  tcase_add_test (tc, test_organisation_with_a_known_until_date_needs_version_2);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("focus areas");
  tcase_add_test (tc, test_organisation_focus_areas_keep_insertion_order_and_stay_null_terminated);
  tcase_add_test (tc, test_organisation_has_focus_area_compares_exactly);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("locations");
  tcase_add_loop_test (tc, test_location_new_rejects_bad_values, 0, G_N_ELEMENTS (bad_locations));
  tcase_add_test (tc, test_location_keeps_its_values_and_is_refcounted);
  tcase_add_test (tc, test_organisation_locations_keep_order_and_hold_references);
  tcase_add_test (tc, test_organisation_has_city_compares_exactly);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("region and municipality");
  tcase_add_loop_test (tc, test_location_new_full_rejects_unknown_or_disagreeing_geography,
                       0, G_N_ELEMENTS (bad_geography));
  tcase_add_loop_test (tc, test_location_keeps_the_region_and_municipality_it_states,
                       0, G_N_ELEMENTS (good_geography));
  tcase_add_test (tc, test_location_equal_compares_every_field);
  tcase_add_test (tc, test_organisation_has_region_counts_a_municipality_in_its_region);
  tcase_add_test (tc, test_organisation_with_a_placed_location_needs_version_2);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("labels");
  tcase_add_loop_test (tc, test_label_new_rejects_bad_dates, 0, G_N_ELEMENTS (bad_labels));
  tcase_add_test (tc, test_label_valid_until_a_partial_date_runs_to_its_last_day);
  tcase_add_test (tc, test_label_without_valid_until_is_open_ended_and_refcounted);
  tcase_add_test (tc, test_label_new_with_invalid_level_is_a_programmer_error);
  tcase_add_test (tc, test_label_line_is_zero_unless_the_reader_sets_it);
  tcase_add_test (tc, test_organisation_labels_keep_order_and_hold_references);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (organisation_suite ());
}
