/* test-record.c: KlyngeRecord, KlyngeSource and the enum nick helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-test.h"
#include "klynge-private.h"

/* A minimal concrete record, so that the base class is tested on its own. */
#define TEST_TYPE_RECORD (test_record_get_type ())
G_DECLARE_FINAL_TYPE (TestRecord, test_record, TEST, RECORD, KlyngeRecord)

struct _TestRecord
{
  KlyngeRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TestRecord, test_record, KLYNGE_TYPE_RECORD)

static void
test_record_class_init (TestRecordClass *klass)
{
  KLYNGE_RECORD_CLASS (klass)->element_name = "test-record";
}

static void
test_record_init (TestRecord *self)
{
}

static KlyngeRecord *
new_record (const char *id)
{
  return g_object_new (TEST_TYPE_RECORD, "id", id, NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* --- id, kind name, line -------------------------------------------------- */

START_TEST (test_record_id_is_construct_only_and_kept)
{
  g_autoptr(KlyngeRecord) record = new_record ("ced");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "id");
  g_autofree char *id = NULL;

  ck_assert_str_eq (klynge_record_get_id (record), "ced");
  g_object_get (record, "id", &id, NULL);
  ck_assert_str_eq (id, "ced");
  ck_assert (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
}
END_TEST

static const char *const invalid_ids[] = { "1abc", "a b", "a:b", "" };

START_TEST (test_record_construction_with_invalid_id_is_a_programmer_error)
{
  KlyngeRecord *record = NULL;

  assert_critical (record = new_record (invalid_ids[_i]));
  g_clear_object (&record);
}
END_TEST

START_TEST (test_record_construction_without_id_is_a_programmer_error)
{
  KlyngeRecord *record = NULL;

  assert_critical (record = g_object_new (TEST_TYPE_RECORD, NULL));
  g_clear_object (&record);
}
END_TEST

/* Python survives the critical and may go on to set references. */
START_TEST (test_record_without_id_can_still_renew_and_replace_other_records)
{
  g_autoptr(GError) error = NULL;
  KlyngeRecord *contract = NULL, *initiative = NULL;

  assert_critical (contract = g_object_new (KLYNGE_TYPE_CONTRACT, NULL));
  assert_critical (initiative = g_object_new (KLYNGE_TYPE_INITIATIVE, NULL));
  ck_assert (klynge_contract_set_renews (KLYNGE_CONTRACT (contract), "c-old", &error));
  ck_assert (klynge_initiative_set_replaces (KLYNGE_INITIATIVE (initiative), "in-old", &error));
  ck_assert_no_error (error);
  g_clear_object (&contract);
  g_clear_object (&initiative);
}
END_TEST

START_TEST (test_record_kind_name_is_the_element_name_of_each_kind)
{
  KlyngePeriod period = { { 2019, 10, 1 }, { 2021, 9, 30 } };
  KlyngeDate effective = { 2020, 7, 1 };
  struct {
    KlyngeRecord *record;
    const char *kind_name;
  } cases[] = {
    { new_record ("t"), "test-record" },
    { KLYNGE_RECORD (klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O")), "organisation" },
    { KLYNGE_RECORD (klynge_member_new ("m", KLYNGE_MEMBER_KIND_COMPANY, "M")), "member" },
    { KLYNGE_RECORD (klynge_funding_source_new ("f", KLYNGE_FUNDING_SOURCE_KIND_REGIONAL, "F")), "funding-source" },
    { KLYNGE_RECORD (klynge_contract_new ("c", "o", &period, 100)), "contract" },
    { KLYNGE_RECORD (klynge_merger_new ("g", KLYNGE_MERGER_KIND_MERGER, "o", &effective)), "merger" },
    { KLYNGE_RECORD (klynge_initiative_new ("i", KLYNGE_INITIATIVE_KIND_EVENT,
                                            KLYNGE_INITIATIVE_THEME_BRANDING, "o", "I")), "initiative" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert_str_eq (klynge_record_get_kind_name (cases[i].record), cases[i].kind_name);
      g_object_unref (cases[i].record);
    }
}
END_TEST

START_TEST (test_record_line_is_read_only_and_notifies_on_change)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "line");
  guint notified = 0;
  guint line = 0;

  ck_assert (!(pspec->flags & G_PARAM_WRITABLE));
  ck_assert_uint_eq (klynge_record_get_line (record), 0);

  g_signal_connect (record, "notify::line", G_CALLBACK (count_notify), &notified);
  _klynge_record_set_line (record, 42);
  _klynge_record_set_line (record, 42);

  g_object_get (record, "line", &line, NULL);
  ck_assert_uint_eq (line, 42);
  ck_assert_uint_eq (klynge_record_get_line (record), 42);
  ck_assert_uint_eq (notified, 1);
}
END_TEST

/* --- note ----------------------------------------------------------------- */

START_TEST (test_record_note_empty_or_null_is_no_note)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  GError *error = NULL;

  ck_assert_ptr_null (klynge_record_get_note (record));

  ck_assert (klynge_record_set_note (record, "Sources disagree.", &error));
  ck_assert_no_error (error);
  ck_assert_str_eq (klynge_record_get_note (record), "Sources disagree.");

  /* an empty note is no note */
  ck_assert (klynge_record_set_note (record, "", &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_record_get_note (record));

  ck_assert (klynge_record_set_note (record, "Sources disagree.", &error));
  ck_assert (klynge_record_set_note (record, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (klynge_record_get_note (record));
}
END_TEST

START_TEST (test_record_note_property_notifies_only_on_change)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  g_autofree char *note = NULL;
  guint notified = 0;

  g_signal_connect (record, "notify::note", G_CALLBACK (count_notify), &notified);
  g_object_set (record, "note", "first", NULL);
  g_object_set (record, "note", "first", NULL);
  ck_assert (klynge_record_set_note (record, "first", NULL));
  ck_assert_uint_eq (notified, 1);

  g_object_set (record, "note", "second", NULL);
  g_object_get (record, "note", &note, NULL);
  ck_assert_str_eq (note, "second");
  ck_assert_uint_eq (notified, 2);
}
END_TEST

static const struct {
  const char *note;
  int code;
} bad_notes[] = {
  { "ugyldig \xff UTF-8", KLYNGE_ERROR_ENCODING },
  { "overlong \xc0\xaf slash", KLYNGE_ERROR_ENCODING },
  { "control \x01 character", KLYNGE_ERROR_ENCODING },
  { "non-character \xef\xbf\xbf", KLYNGE_ERROR_ENCODING },
};

START_TEST (test_record_set_note_rejects_text_xml_cannot_carry_and_keeps_the_old_note)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  GError *error = NULL;

  ck_assert (klynge_record_set_note (record, "old", NULL));
  ck_assert (!klynge_record_set_note (record, bad_notes[_i].note, &error));
  ck_assert_klynge_error (error, bad_notes[_i].code);
  ck_assert_str_eq (klynge_record_get_note (record), "old");
}
END_TEST

START_TEST (test_record_note_property_with_invalid_text_is_a_programmer_error)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");

  ck_assert (klynge_record_set_note (record, "old", NULL));
  assert_critical (g_object_set (record, "note", "bad \x01", NULL));
  ck_assert_str_eq (klynge_record_get_note (record), "old");
}
END_TEST

/* --- sources -------------------------------------------------------------- */

START_TEST (test_record_sources_keep_insertion_order_and_hold_references)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  KlyngeDate accessed = { 2026, 11, 27 };
  KlyngeSource *first = klynge_source_new ("https://a.example", &accessed, NULL);
  GPtrArray *sources;

  ck_assert_uint_eq (klynge_record_get_n_sources (record), 0);
  ck_assert_uint_eq (klynge_record_get_sources (record)->len, 0);

  klynge_record_add_source (record, first);
  klynge_source_unref (first);  /* the record keeps its own reference */
  ck_assert (klynge_record_add_source_href (record, "https://b.example", NULL, NULL));

  sources = klynge_record_get_sources (record);
  ck_assert_uint_eq (sources->len, 2);
  ck_assert_uint_eq (klynge_record_get_n_sources (record), 2);
  ck_assert_ptr_eq (g_ptr_array_index (sources, 0), klynge_record_get_source (record, 0));
  ck_assert_str_eq (klynge_source_get_href (klynge_record_get_source (record, 0)), "https://a.example");
  ck_assert (klynge_date_equal (klynge_source_get_accessed (klynge_record_get_source (record, 0)), &accessed));
  ck_assert_str_eq (klynge_source_get_href (klynge_record_get_source (record, 1)), "https://b.example");
  ck_assert (!klynge_date_is_set (klynge_source_get_accessed (klynge_record_get_source (record, 1))));

  klynge_record_clear_sources (record);
  ck_assert_uint_eq (klynge_record_get_n_sources (record), 0);
}
END_TEST

START_TEST (test_record_get_source_out_of_range_is_a_programmer_error)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  KlyngeSource *source = NULL;

  assert_critical (source = klynge_record_get_source (record, 0));
  ck_assert_ptr_null (source);
}
END_TEST

static const struct {
  const char *href;
  KlyngeDate accessed;
  int code;
} bad_sources[] = {
  { "", { 0, 0, 0 }, KLYNGE_ERROR_BAD_VALUE },
  { "https://\xff.example", { 0, 0, 0 }, KLYNGE_ERROR_ENCODING },
  { "https://a.example/\x1f", { 0, 0, 0 }, KLYNGE_ERROR_ENCODING },
  { "https://a.example", { 2019, 2, 29 }, KLYNGE_ERROR_BAD_DATE },
  { "https://a.example", { 2019, 13, 0 }, KLYNGE_ERROR_BAD_DATE },
};

START_TEST (test_record_add_source_href_rejects_bad_input_and_adds_nothing)
{
  g_autoptr(KlyngeRecord) record = new_record ("r");
  GError *error = NULL;

  ck_assert (!klynge_record_add_source_href (record, bad_sources[_i].href,
                                             &bad_sources[_i].accessed, &error));
  ck_assert_klynge_error (error, bad_sources[_i].code);
  ck_assert_uint_eq (klynge_record_get_n_sources (record), 0);
}
END_TEST

START_TEST (test_source_new_rejects_bad_input)
{
  GError *error = NULL;
  KlyngeSource *source = klynge_source_new (bad_sources[_i].href,
                                            &bad_sources[_i].accessed, &error);

  ck_assert_ptr_null (source);
  ck_assert_klynge_error (error, bad_sources[_i].code);
}
END_TEST

START_TEST (test_source_keeps_partial_accessed_date_with_its_precision)
{
  KlyngeDate accessed = { 2026, 11, 0 };
  g_autoptr(KlyngeSource) source = klynge_source_new ("https://a.example", &accessed, NULL);
  const KlyngeDate *kept = klynge_source_get_accessed (source);

  ck_assert_uint_eq (kept->year, 2026);
  ck_assert_uint_eq (kept->month, 11);
  ck_assert_uint_eq (kept->day, 0);
  ck_assert_int_eq (klynge_date_get_precision (kept), KLYNGE_DATE_PRECISION_MONTH);
}
END_TEST

START_TEST (test_source_is_refcounted_and_boxed_copy_shares_it)
{
  KlyngeSource *source = klynge_source_new ("https://a.example", NULL, NULL);
  KlyngeSource *copy;

  ck_assert_ptr_eq (klynge_source_ref (source), source);
  klynge_source_unref (source);

  copy = g_boxed_copy (KLYNGE_TYPE_SOURCE, source);
  ck_assert_ptr_eq (copy, source);
  g_boxed_free (KLYNGE_TYPE_SOURCE, copy);

  ck_assert_str_eq (klynge_source_get_href (source), "https://a.example");
  klynge_source_unref (source);
}
END_TEST

START_TEST (test_source_equal_compares_href_and_accessed_date_with_precision)
{
  KlyngeDate day = { 2026, 11, 27 }, month = { 2026, 11, 0 };
  g_autoptr(KlyngeSource) a = klynge_source_new ("https://a.example", &day, NULL);
  g_autoptr(KlyngeSource) same = klynge_source_new ("https://a.example", &day, NULL);
  g_autoptr(KlyngeSource) other_href = klynge_source_new ("https://b.example", &day, NULL);
  g_autoptr(KlyngeSource) other_precision = klynge_source_new ("https://a.example", &month, NULL);
  g_autoptr(KlyngeSource) no_date = klynge_source_new ("https://a.example", NULL, NULL);

  ck_assert (klynge_source_equal (a, a));
  ck_assert (klynge_source_equal (a, same));
  ck_assert (!klynge_source_equal (a, other_href));
  ck_assert (!klynge_source_equal (a, other_precision));
  ck_assert (!klynge_source_equal (a, no_date));
}
END_TEST

/* --- references ------------------------------------------------------------ */

static gboolean
append_reference (KlyngeRecord *from,
                  const char   *target,
                  GType         expected,
                  const char   *attribute,
                  gpointer      user_data)
{
  GString *out = user_data;

  g_string_append_printf (out, "%s%s=%s:%s", out->len > 0 ? " " : "",
                          attribute, target, g_type_name (expected));
  return TRUE;
}

static gboolean
count_and_stop (KlyngeRecord *from,
                const char   *target,
                GType         expected,
                const char   *attribute,
                gpointer      user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return FALSE;
}

static KlyngeRecord *
referring_record (guint kind)
{
  KlyngePeriod period = { { 2021, 10, 1 }, { 2022, 9, 30 } };
  KlyngeDate effective = { 2020, 7, 1 };
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case 0:
      {
        KlyngeContract *contract = klynge_contract_new ("ced-2021", "ced", &period, 100);
        g_autoptr(KlyngeShare) siu = klynge_share_new ("siu", 5000, &error);
        g_autoptr(KlyngeShare) es = klynge_share_new ("es", 5000, &error);

        ck_assert (klynge_contract_set_renews (contract, "ced-2019", &error));
        ck_assert (klynge_contract_add_share (contract, siu, &error));
        ck_assert (klynge_contract_add_share (contract, es, &error));
        return KLYNGE_RECORD (contract);
      }
    case 1:
      {
        KlyngeMerger *merger = klynge_merger_new ("m", KLYNGE_MERGER_KIND_MERGER, "ecd", &effective);

        ck_assert (klynge_merger_add_predecessor (merger, "a", &error));
        ck_assert (klynge_merger_add_predecessor (merger, "b", &error));
        return KLYNGE_RECORD (merger);
      }
    case 2:
      {
        KlyngeInitiative *initiative = klynge_initiative_new ("dcs", KLYNGE_INITIATIVE_KIND_EVENT,
                                                              KLYNGE_INITIATIVE_THEME_BRANDING,
                                                              "ced", "Danish Cluster Summit");

        ck_assert (klynge_initiative_set_replaces (initiative, "camp", &error));
        ck_assert (klynge_initiative_add_participant (initiative, "a", &error));
        return KLYNGE_RECORD (initiative);
      }
    case 3:
      return KLYNGE_RECORD (klynge_organisation_new ("o", KLYNGE_ORGANISATION_KIND_CLUSTER, "O"));
    case 4:
      return KLYNGE_RECORD (klynge_member_new ("m", KLYNGE_MEMBER_KIND_COMPANY, "M"));
    case 5:
      return KLYNGE_RECORD (klynge_funding_source_new ("f", KLYNGE_FUNDING_SOURCE_KIND_REGIONAL, "F"));
    default:
      return new_record ("t");
    }
}

static const char *const references_of_kind[] = {
  "holder=ced:KlyngeOrganisation renews=ced-2019:KlyngeContract "
  "share source=siu:KlyngeFundingSource share source=es:KlyngeFundingSource",
  "successor=ecd:KlyngeOrganisation predecessor=a:KlyngeOrganisation predecessor=b:KlyngeOrganisation",
  "host=ced:KlyngeOrganisation replaces=camp:KlyngeInitiative participant=a:KlyngeOrganisation",
  "",   /* an organisation */
  "",   /* a member */
  "",   /* a funding source */
  "",   /* a kind that does not implement foreach_reference */
};

START_TEST (test_record_foreach_reference_gives_each_kind_s_references_in_document_order)
{
  g_autoptr(KlyngeRecord) record = referring_record (_i);
  g_autoptr(GString) out = g_string_new (NULL);

  _klynge_record_foreach_reference (record, append_reference, out);
  ck_assert_str_eq (out->str, references_of_kind[_i]);
}
END_TEST

START_TEST (test_record_foreach_reference_stops_when_the_function_returns_false)
{
  g_autoptr(KlyngeRecord) record = referring_record (_i);
  guint calls = 0;

  _klynge_record_foreach_reference (record, count_and_stop, &calls);
  ck_assert_uint_eq (calls, *references_of_kind[_i] != '\0' ? 1 : 0);
}
END_TEST

/* --- enum nicks ------------------------------------------------------------ */

/* One value of each enum type, with the name the XML format gives it. */
static const struct {
  GType (*get_type) (void);
  int value;
  const char *nick;
} enum_nicks[] = {
  { klynge_organisation_kind_get_type, KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK, "innovation-network" },
  { klynge_label_level_get_type, KLYNGE_LABEL_LEVEL_GOLD, "gold" },
  { klynge_organisation_status_get_type, KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED, "not-yet-founded" },
  { klynge_member_kind_get_type, KLYNGE_MEMBER_KIND_KNOWLEDGE_INSTITUTION, "knowledge-institution" },
  { klynge_member_size_get_type, KLYNGE_MEMBER_SIZE_SME, "sme" },
  { klynge_funding_source_kind_get_type, KLYNGE_FUNDING_SOURCE_KIND_EU_PROGRAMME, "eu-programme" },
  { klynge_merger_kind_get_type, KLYNGE_MERGER_KIND_ABSORPTION, "absorption" },
  { klynge_merger_status_get_type, KLYNGE_MERGER_STATUS_COMPLETED, "completed" },
  { klynge_initiative_kind_get_type, KLYNGE_INITIATIVE_KIND_PROGRAMME, "programme" },
  { klynge_initiative_theme_get_type, KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION, "professionalisation" },
};

START_TEST (test_enum_nick_is_the_xml_name_and_leads_back_to_the_value)
{
  GType type = enum_nicks[_i].get_type ();
  int value = -1;

  ck_assert_str_eq (klynge_enum_to_nick (type, enum_nicks[_i].value), enum_nicks[_i].nick);
  ck_assert (klynge_enum_from_nick (type, enum_nicks[_i].nick, &value));
  ck_assert_int_eq (value, enum_nicks[_i].value);
}
END_TEST

static const char *const not_nicks[] = { "Cluster", " cluster", "cluster ", "klynge", "" };

START_TEST (test_enum_from_nick_matches_exactly_and_leaves_value_alone_on_failure)
{
  int value = 12345;

  ck_assert (!klynge_enum_from_nick (KLYNGE_TYPE_ORGANISATION_KIND, not_nicks[_i], &value));
  ck_assert_int_eq (value, 12345);
}
END_TEST

START_TEST (test_enum_from_nick_rejects_null)
{
  int value = 12345;

  ck_assert (!klynge_enum_from_nick (KLYNGE_TYPE_MERGER_STATUS, NULL, &value));
  ck_assert_int_eq (value, 12345);
}
END_TEST

START_TEST (test_enum_to_nick_of_a_value_outside_the_enum_is_null)
{
  ck_assert_ptr_null (klynge_enum_to_nick (KLYNGE_TYPE_LABEL_LEVEL, 3));
  ck_assert_ptr_null (klynge_enum_to_nick (KLYNGE_TYPE_LABEL_LEVEL, -1));
}
END_TEST

START_TEST (test_enum_nicks_of_a_type_that_is_not_an_enum_are_a_programmer_error)
{
  const char *nick = "x";
  gboolean found = TRUE;
  int value = 12345;

  assert_critical (nick = klynge_enum_to_nick (KLYNGE_TYPE_FUNDING_GROUPING, 1));
  ck_assert_ptr_null (nick);
  assert_critical (found = klynge_enum_from_nick (KLYNGE_TYPE_RECORD, "cluster", &value));
  ck_assert (!found);
  ck_assert_int_eq (value, 12345);
}
END_TEST

static Suite *
record_suite (void)
{
  Suite *suite = suite_create ("record");
  TCase *tc;

  tc = tcase_create ("id");
  tcase_add_test (tc, test_record_id_is_construct_only_and_kept);
  tcase_add_loop_test (tc, test_record_construction_with_invalid_id_is_a_programmer_error,
                       0, G_N_ELEMENTS (invalid_ids));
  tcase_add_test (tc, test_record_construction_without_id_is_a_programmer_error);
  tcase_add_test (tc, test_record_without_id_can_still_renew_and_replace_other_records);
  tcase_add_test (tc, test_record_kind_name_is_the_element_name_of_each_kind);
  tcase_add_test (tc, test_record_line_is_read_only_and_notifies_on_change);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("note");
  tcase_add_test (tc, test_record_note_empty_or_null_is_no_note);
  tcase_add_test (tc, test_record_note_property_notifies_only_on_change);
  tcase_add_loop_test (tc, test_record_set_note_rejects_text_xml_cannot_carry_and_keeps_the_old_note,
                       0, G_N_ELEMENTS (bad_notes));
  tcase_add_test (tc, test_record_note_property_with_invalid_text_is_a_programmer_error);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("sources");
  tcase_add_test (tc, test_record_sources_keep_insertion_order_and_hold_references);
  tcase_add_test (tc, test_record_get_source_out_of_range_is_a_programmer_error);
  tcase_add_loop_test (tc, test_record_add_source_href_rejects_bad_input_and_adds_nothing,
                       0, G_N_ELEMENTS (bad_sources));
  tcase_add_loop_test (tc, test_source_new_rejects_bad_input, 0, G_N_ELEMENTS (bad_sources));
  tcase_add_test (tc, test_source_keeps_partial_accessed_date_with_its_precision);
  tcase_add_test (tc, test_source_is_refcounted_and_boxed_copy_shares_it);
  tcase_add_test (tc, test_source_equal_compares_href_and_accessed_date_with_precision);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("references");
  tcase_add_loop_test (tc, test_record_foreach_reference_gives_each_kind_s_references_in_document_order,
                       0, G_N_ELEMENTS (references_of_kind));
  tcase_add_loop_test (tc, test_record_foreach_reference_stops_when_the_function_returns_false,
                       0, G_N_ELEMENTS (references_of_kind));
  suite_add_tcase (suite, tc);

  tc = tcase_create ("enums");
  tcase_add_loop_test (tc, test_enum_nick_is_the_xml_name_and_leads_back_to_the_value,
                       0, G_N_ELEMENTS (enum_nicks));
  tcase_add_loop_test (tc, test_enum_from_nick_matches_exactly_and_leaves_value_alone_on_failure,
                       0, G_N_ELEMENTS (not_nicks));
  tcase_add_test (tc, test_enum_from_nick_rejects_null);
  tcase_add_test (tc, test_enum_to_nick_of_a_value_outside_the_enum_is_null);
  tcase_add_test (tc, test_enum_nicks_of_a_type_that_is_not_an_enum_are_a_programmer_error);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (record_suite ());
}
