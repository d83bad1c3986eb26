/* test-reloadable.c: what the API accepts, a save writes and a default
 * load reads back
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Issue 14, item 11: a 2 MiB note, a name over the loader's 1 MiB cap and
 * a record built with a bad id were accepted, saved, and then refused by
 * the loader. The rule now: every id and text a record takes is at most
 * KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH bytes (setters refuse more with
 * KLYNGE_ERROR_LIMIT_EXCEEDED and change nothing), a record without a
 * valid id or a required field is refused by klynge_landscape_add(), and
 * so whatever a landscape holds saves and loads again with the default
 * options, giving the same document.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "klynge-test.h"

#define CAP KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH

/* --- a landscape with one record of every kind ------------------------- */

/* Every kind, complete, with the ids the tables below use: funding
 * source "fs", member "mem", organisations "host", "p1" and "p2",
 * contract "con", merger "mer", initiative "ini". */
static KlyngeLandscape *
landscape_of_every_kind (void)
{
  KlyngeLandscape *landscape = klynge_landscape_new ();
  const char *org_ids[] = { "host", "p1", "p2" };
  g_autoptr(KlyngeFundingSource) source = NULL;
  g_autoptr(KlyngeMember) member = NULL;
  g_autoptr(KlyngeContract) contract = NULL;
  g_autoptr(KlyngeShare) share = NULL;
  g_autoptr(KlyngeMerger) merger = NULL;
  g_autoptr(KlyngeInitiative) initiative = NULL;
  KlyngeDate start, end;
  KlyngePeriod period;

  source = klynge_funding_source_new ("fs", KLYNGE_FUNDING_SOURCE_KIND_REGIONAL, "Region");
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (source), NULL));
  member = klynge_member_new ("mem", KLYNGE_MEMBER_KIND_COMPANY, "Firma ApS");
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (member), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (org_ids); i++)
    {
      g_autoptr(KlyngeOrganisation) organisation =
        klynge_organisation_new (org_ids[i], KLYNGE_ORGANISATION_KIND_CLUSTER, org_ids[i]);

      ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), NULL));
    }

  ck_assert (klynge_date_init (&start, 2020, 1, 1));
  ck_assert (klynge_date_init (&end, 2020, 12, 31));
  ck_assert (klynge_period_init (&period, &start, &end, NULL));
  contract = klynge_contract_new ("con", "host", &period, 100);
  share = klynge_share_new ("fs", 10000, NULL);
  ck_assert (klynge_contract_add_share (contract, share, NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (contract), NULL));

  merger = klynge_merger_new ("mer", KLYNGE_MERGER_KIND_MERGER, "host", &start);
  ck_assert (klynge_merger_add_predecessor (merger, "p1", NULL));
  ck_assert (klynge_merger_add_predecessor (merger, "p2", NULL));
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (merger), NULL));

  initiative = klynge_initiative_new ("ini", KLYNGE_INITIATIVE_KIND_EVENT,
                                      KLYNGE_INITIATIVE_THEME_BRANDING, "host", "Summit");
  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (initiative), NULL));
  return landscape;
}

/* Asserts that @landscape saves, loads again with the default options and
 * saves to the same bytes: what the API took, the loader takes. */
static void
assert_reloads_unchanged (KlyngeLandscape *landscape)
{
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(KlyngeLandscape) loaded = NULL;
  g_autoptr(GPtrArray) problems = klynge_landscape_validate (landscape);
  g_autoptr(GError) error = NULL;

  ck_assert_uint_eq (problems->len, 0);
  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_no_error (error);
  loaded = klynge_landscape_load_bytes (saved, "saved", NULL, &error);
  ck_assert_no_error (error);
  again = klynge_landscape_save_bytes (loaded, &error);
  ck_assert_no_error (error);
  ck_assert (g_bytes_equal (saved, again));
}

/* --- every text and id a record takes, at and beyond the cap ------------ */

typedef gboolean (*SetText) (KlyngeRecord *record, const char *text, GError **error);

static gboolean
set_note (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_record_set_note (record, text, error);
}

static gboolean
add_source_href (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_record_add_source_href (record, text, NULL, error);
}

static gboolean
set_organisation_name (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_organisation_set_name (KLYNGE_ORGANISATION (record), text, error);
}

static gboolean
set_name_en (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_organisation_set_name_en (KLYNGE_ORGANISATION (record), text, error);
}

static gboolean
set_website (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_organisation_set_website (KLYNGE_ORGANISATION (record), text, error);
}

static gboolean
add_focus_area (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_organisation_add_focus_area (KLYNGE_ORGANISATION (record), text, error);
}

/* A location's three strings, each in turn; the others are short. */
static gboolean
add_location_at (KlyngeRecord *record, const char *text, guint which, GError **error)
{
  const char *values[3] = { "Aarhus", NULL, NULL };
  g_autoptr(KlyngeLocation) location = NULL;

  values[which] = text;
  location = klynge_location_new (values[0], values[1], values[2], error);
  if (location == NULL)
    return FALSE;
  klynge_organisation_add_location (KLYNGE_ORGANISATION (record), location);
  return TRUE;
}

static gboolean
add_location_city (KlyngeRecord *record, const char *text, GError **error)
{
  return add_location_at (record, text, 0, error);
}

static gboolean
add_location_address (KlyngeRecord *record, const char *text, GError **error)
{
  return add_location_at (record, text, 1, error);
}

static gboolean
add_location_role (KlyngeRecord *record, const char *text, GError **error)
{
  return add_location_at (record, text, 2, error);
}

static gboolean
set_member_name (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_member_set_name (KLYNGE_MEMBER (record), text, error);
}

static gboolean
set_funding_source_name (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_funding_source_set_name (KLYNGE_FUNDING_SOURCE (record), text, error);
}

static gboolean
set_parent (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_funding_source_set_parent (KLYNGE_FUNDING_SOURCE (record), text, error);
}

static gboolean
set_title (KlyngeRecord *record, const char *text, GError **error)
{
  return klynge_initiative_set_title (KLYNGE_INITIATIVE (record), text, error);
}

static const struct {
  const char *record;           /* the id of the record in landscape_of_every_kind() */
  const char *field;
  SetText set;
} text_fields[] = {
  { "fs", "note", set_note },
  { "mem", "note", set_note },
  { "host", "note", set_note },
  { "con", "note", set_note },
  { "mer", "note", set_note },
  { "ini", "note", set_note },
  { "ini", "source href", add_source_href },
  { "fs", "name", set_funding_source_name },
  { "fs", "parent", set_parent },
  { "mem", "name", set_member_name },
  { "host", "name", set_organisation_name },
  { "host", "name-en", set_name_en },
  { "host", "website", set_website },
  { "host", "focus-area", add_focus_area },
  { "host", "location city", add_location_city },
  { "host", "location address", add_location_address },
  { "host", "location role", add_location_role },
  { "ini", "title", set_title },
};

/* Text as long as the cap allows, plain and made of “&” (which the writer
 * escapes, and libxml2 hands attribute values over as “&#38;”). */
static const char fill_characters[] = { 'x', '&' };

START_TEST (test_a_text_of_exactly_the_cap_saves_and_reloads)
{
  guint field = _i / G_N_ELEMENTS (fill_characters);
  char fill = fill_characters[_i % G_N_ELEMENTS (fill_characters)];
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  KlyngeRecord *record = klynge_landscape_lookup (landscape, text_fields[field].record);
  g_autofree char *text = g_strnfill (CAP, fill);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (text_fields[field].set (record, text, &error), "%s of %s: %s",
                 text_fields[field].field, text_fields[field].record,
                 error != NULL ? error->message : "");
  assert_reloads_unchanged (landscape);
}
END_TEST

START_TEST (test_a_text_one_byte_over_the_cap_is_refused_and_changes_nothing)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  KlyngeRecord *record = klynge_landscape_lookup (landscape, text_fields[_i].record);
  g_autofree char *text = g_strnfill (CAP + 1, 'x');
  g_autoptr(GBytes) before = klynge_landscape_save_bytes (landscape, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (!text_fields[_i].set (record, text, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  after = klynge_landscape_save_bytes (landscape, NULL);
  ck_assert (g_bytes_equal (before, after));
}
END_TEST

/* A 2 MiB note, as in the issue: refused by the setter, so neither
 * validation nor a save ever sees it. */
START_TEST (test_a_2_mib_note_is_refused_with_limit_exceeded)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  KlyngeRecord *record = klynge_landscape_lookup (landscape, "host");
  g_autofree char *note = g_strnfill (2 << 20, 'n');
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_record_set_note (record, note, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  ck_assert_ptr_null (klynge_record_get_note (record));
  assert_reloads_unchanged (landscape);
}
END_TEST

/* --- ids --------------------------------------------------------------- */

START_TEST (test_an_id_of_exactly_the_cap_saves_and_reloads)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  g_autofree char *id = g_strnfill (CAP, 'i');
  g_autoptr(KlyngeOrganisation) organisation =
    klynge_organisation_new (id, KLYNGE_ORGANISATION_KIND_OTHER, "Long");
  g_autoptr(GError) error = NULL;

  ck_assert (klynge_landscape_add (landscape, KLYNGE_RECORD (organisation), &error));
  ck_assert_no_error (error);
  ck_assert (klynge_merger_add_predecessor (KLYNGE_MERGER (klynge_landscape_lookup (landscape, "mer")),
                                            id, &error));
  assert_reloads_unchanged (landscape);
}
END_TEST

START_TEST (test_a_reference_one_byte_over_the_cap_is_refused)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  KlyngeMerger *merger = KLYNGE_MERGER (klynge_landscape_lookup (landscape, "mer"));
  g_autofree char *id = g_strnfill (CAP + 1, 'i');
  g_autoptr(GError) error = NULL;

  ck_assert (!klynge_merger_add_predecessor (merger, id, &error));
  ck_assert_klynge_error (error, KLYNGE_ERROR_LIMIT_EXCEEDED);
  ck_assert_uint_eq (g_strv_length ((char **) klynge_merger_get_predecessors (merger)), 2);
}
END_TEST

/* --- records the loader would refuse, refused by add() ------------------ */

static KlyngeRecord *
organisation_with_a_space_in_its_id (void)
{
  return g_object_new (KLYNGE_TYPE_ORGANISATION, "id", "has space", "name", "O", NULL);
}

static KlyngeRecord *
organisation_with_an_id_over_the_cap (void)
{
  g_autofree char *id = g_strnfill (CAP + 1, 'i');

  return g_object_new (KLYNGE_TYPE_ORGANISATION, "id", id, "name", "O", NULL);
}

static KlyngeRecord *
member_with_an_empty_id (void)
{
  return g_object_new (KLYNGE_TYPE_MEMBER, "id", "", "name", "M", NULL);
}

static KlyngeRecord *
contract_without_period (void)
{
  return g_object_new (KLYNGE_TYPE_CONTRACT, "id", "c2", "holder", "host", NULL);
}

static KlyngeRecord *
merger_without_effective_date (void)
{
  return g_object_new (KLYNGE_TYPE_MERGER, "id", "m2", "successor", "host", NULL);
}

static KlyngeRecord *
initiative_without_title (void)
{
  return g_object_new (KLYNGE_TYPE_INITIATIVE, "id", "i2", "host", "host", NULL);
}

static const struct {
  const char *what;
  KlyngeRecord *(*build) (void);
  gboolean critical;            /* building it is a programmer error */
  int code;
} unloadable_records[] = {
  { "an id with a space", organisation_with_a_space_in_its_id, TRUE, KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "an id over the cap", organisation_with_an_id_over_the_cap, TRUE, KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "an empty id", member_with_an_empty_id, TRUE, KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "a contract without period", contract_without_period, FALSE, KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "a merger without effective date", merger_without_effective_date, FALSE, KLYNGE_ERROR_MISSING_ATTRIBUTE },
  { "an initiative without title", initiative_without_title, FALSE, KLYNGE_ERROR_MISSING_ELEMENT },
};

START_TEST (test_a_record_the_loader_would_refuse_is_not_added)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  g_autoptr(KlyngeRecord) record = NULL;
  g_autoptr(GBytes) before = klynge_landscape_save_bytes (landscape, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  if (unloadable_records[_i].critical)
    {
      assert_critical (record = unloadable_records[_i].build ());
      /* a bad id is not kept after the critical */
      ck_assert_ptr_null (klynge_record_get_id (record));
    }
  else
    record = unloadable_records[_i].build ();
  ck_assert_msg (!klynge_landscape_add (landscape, record, &error), "%s was added",
                 unloadable_records[_i].what);
  ck_assert_klynge_error (error, unloadable_records[_i].code);
  after = klynge_landscape_save_bytes (landscape, NULL);
  ck_assert (g_bytes_equal (before, after));
}
END_TEST

/* --- records edited after they were added ------------------------------ */

/* Setters check a record alone; these edits leave it as the loader would
 * refuse it, or naming what the landscape lacks. */

static void
clear_the_shares (KlyngeLandscape *landscape)
{
  klynge_contract_clear_shares (KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "con")));
}

static void
leave_half_a_share (KlyngeLandscape *landscape)
{
  KlyngeContract *contract = KLYNGE_CONTRACT (klynge_landscape_lookup (landscape, "con"));
  g_autoptr(KlyngeShare) half = klynge_share_new ("fs", 5000, NULL);

  klynge_contract_clear_shares (contract);
  ck_assert (klynge_contract_add_share (contract, half, NULL));
}

static void
clear_the_predecessors (KlyngeLandscape *landscape)
{
  klynge_merger_clear_predecessors (KLYNGE_MERGER (klynge_landscape_lookup (landscape, "mer")));
}

static void
hold_by_no_record (KlyngeLandscape *landscape)
{
  KlyngeRecord *contract = klynge_landscape_lookup (landscape, "con");

  ck_assert (klynge_contract_set_holder (KLYNGE_CONTRACT (contract), "nobody", NULL));
}

static void
host_by_a_funding_source (KlyngeLandscape *landscape)
{
  KlyngeRecord *initiative = klynge_landscape_lookup (landscape, "ini");

  ck_assert (klynge_initiative_set_host (KLYNGE_INITIATIVE (initiative), "fs", NULL));
}

static const struct {
  const char *what;
  void (*edit) (KlyngeLandscape *landscape);
  const char *record;
  int code;
} unloadable_edits[] = {
  { "shares cleared", clear_the_shares, "con", KLYNGE_ERROR_MISSING_ELEMENT },
  { "shares summing to 50 %", leave_half_a_share, "con", KLYNGE_ERROR_SHARES_NOT_100 },
  { "predecessors cleared", clear_the_predecessors, "mer", KLYNGE_ERROR_TOO_FEW_PARTIES },
  { "a holder that names no record", hold_by_no_record, "con", KLYNGE_ERROR_UNRESOLVED_REFERENCE },
  { "a host that is a funding source", host_by_a_funding_source, "ini", KLYNGE_ERROR_WRONG_REFERENCE_KIND },
};

START_TEST (test_an_edit_the_loader_would_refuse_is_reported_and_not_saved)
{
  g_autoptr(KlyngeLandscape) landscape = landscape_of_every_kind ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autofree char *quoted = g_strdup_printf ("“%s”", unloadable_edits[_i].record);

  unloadable_edits[_i].edit (landscape);

  problems = klynge_landscape_validate (landscape);
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (klynge_problem_get_code (g_ptr_array_index (problems, 0)),
                    unloadable_edits[_i].code);

  saved = klynge_landscape_save_bytes (landscape, &error);
  ck_assert_ptr_null (saved);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, quoted) != NULL, "“%s” does not name %s",
                 error->message, quoted);
  ck_assert_klynge_error (error, unloadable_edits[_i].code);

  /* not a byte reaches a stream */
  ck_assert (!klynge_landscape_save_stream (landscape, stream, NULL, &error));
  ck_assert_klynge_error (error, unloadable_edits[_i].code);
  ck_assert_uint_eq (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), 0);
}
END_TEST

static Suite *
reloadable_suite (void)
{
  Suite *suite = suite_create ("reloadable");
  TCase *tc;

  tc = tcase_create ("text");
  tcase_set_timeout (tc, 60);
  tcase_add_loop_test (tc, test_a_text_of_exactly_the_cap_saves_and_reloads, 0,
                       G_N_ELEMENTS (text_fields) * G_N_ELEMENTS (fill_characters));
  tcase_add_loop_test (tc, test_a_text_one_byte_over_the_cap_is_refused_and_changes_nothing, 0,
                       G_N_ELEMENTS (text_fields));
  tcase_add_test (tc, test_a_2_mib_note_is_refused_with_limit_exceeded);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("ids");
  tcase_add_test (tc, test_an_id_of_exactly_the_cap_saves_and_reloads);
  tcase_add_test (tc, test_a_reference_one_byte_over_the_cap_is_refused);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("records");
  tcase_add_loop_test (tc, test_a_record_the_loader_would_refuse_is_not_added, 0,
                       G_N_ELEMENTS (unloadable_records));
  tcase_add_loop_test (tc, test_an_edit_the_loader_would_refuse_is_reported_and_not_saved, 0,
                       G_N_ELEMENTS (unloadable_edits));
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return klynge_test_run (reloadable_suite ());
}
